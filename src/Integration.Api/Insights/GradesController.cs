using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Insights;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Insights;

/// <summary>Your quarterly performance grades, published at each quarter's end (docs/grades.md).</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/insights/grades")]
[Tags("Insights")]
[PartnerAccess(ApiScopes.InsightsRead)]
public sealed class GradesController(GradeBook grades) : ControllerBase
{
    /// <summary>Your grades, newest quarter first: the history of every quarter since you joined.</summary>
    [HttpGet(Name = "ListGrades")]
    public async Task<Page<PerformanceGradeResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        return (await grades.HistoryAsync(caller.PartnerId!, caller.Environment!.Value, page, cancellationToken))
            .ToPage(page, HttpContext, GradeBook.CursorOf, PerformanceGradeResponse.Of);
    }
}
