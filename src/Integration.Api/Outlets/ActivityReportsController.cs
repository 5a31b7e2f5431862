using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Application.Outlets;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Outlets;

/// <summary>Many outlets' days in one call.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/activity-reports")]
[Tags("Outlets")]
public sealed class ActivityReportsController(ActivityReports reports) : ControllerBase
{
    /// <summary>
    /// Reports up to 1,000 outlet days. Each well-formed row is accepted or rejected on its own — a row the rules refuse
    /// (an unknown outlet, a day not begun or not open, more conversions than footfall) never holds back the good ones — and
    /// the answer lists every row's outcome in the order sent (a rejected row with its code, field and reason). A day
    /// reported again replaces the earlier report. A malformed body (more than 1,000 rows, a value outside the documented
    /// bounds) is a 400 naming the field, and stores nothing.
    /// </summary>
    [HttpPost(Name = "BulkReportActivity")]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    public Task<BulkResultResponse> Bulk(BulkActivityReportsRequest request, CancellationToken cancellationToken) =>
        reports.ReportManyAsync(request.Reports, cancellationToken);
}
