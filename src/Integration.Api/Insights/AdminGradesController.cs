using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Insights;

/// <summary>Internal teams: a partner's published performance grades.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/partners/{partnerId}/grades")]
public sealed class AdminGradesController(GradeBook grades) : ControllerBase
{
    /// <summary>The partner's grades in an environment (live by default), newest quarter first.</summary>
    [HttpGet(Name = "ListPartnerGrades")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(400)]
    public async Task<Page<PerformanceGradeResponse>> List(
        [StringLength(ContractLimits.Id)] string partnerId, [FromQuery] PageQuery page, [FromQuery] ApiEnvironment? environment, CancellationToken cancellationToken) =>
        (await grades.HistoryAsync(partnerId, environment ?? ApiEnvironment.Live, page, cancellationToken))
            .ToPage(page, HttpContext, GradeBook.CursorOf, PerformanceGradeResponse.Of);
}
