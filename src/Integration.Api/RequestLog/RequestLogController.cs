using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.RequestLog;
using Integration.Core.Common;
using Integration.Core.RequestLog;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.RequestLog;

/// <summary>
/// Your request log: every call your credentials made in this environment in the last 30 days, newest
/// first: what to look at when an integration misbehaves (docs/request-log.md).
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/request-log")]
[PartnerAccess]
public sealed class RequestLogController(PartnerRequestLog log, IntegrationDbContext db) : ControllerBase
{
    private const string StatusPattern = "^[1-5]([0-9]{2}|xx)$";

    /// <summary>
    /// Your calls, newest first. Narrow with <c>status</c> (<c>422</c>, or <c>4xx</c> for a class), <c>path</c>
    /// (a prefix such as <c>/v2/orders</c>), <c>since</c> and <c>until</c> (ISO 8601 times) and <c>clientId</c>
    /// (one credential). Your own latest calls are in the first page at once.
    /// </summary>
    [HttpGet(Name = "ListRequestLog")]
    [ProblemResponses(400)]
    public async Task<Page<LoggedRequestResponse>> List(
        [FromQuery] PageQuery page,
        [FromQuery, StringLength(3), RegularExpression(StatusPattern, ErrorMessage = "status is a status such as 422, or a class such as 4xx.")] string? status,
        [FromQuery, StringLength(LoggedRequest.MaxPathLength), RegularExpression("^/[A-Za-z0-9/_.~-]*$", ErrorMessage = "path is a path prefix starting with /, such as /v2/orders.")] string? path,
        [FromQuery] DateTimeOffset? since,
        [FromQuery] DateTimeOffset? until,
        [FromQuery, StringLength(ContractLimits.Id)] string? clientId,
        CancellationToken cancellationToken)
    {
        if (since is { } from && until is { } to && to <= from)
        {
            throw DomainException.Invalid("until", "until must be after since.");
        }
        var statusClass = status?.EndsWith("xx", StringComparison.Ordinal) == true;
        int? statusValue = status is null ? null : int.Parse(statusClass ? status[..1] : status, System.Globalization.CultureInfo.InvariantCulture);
        var filter = new RequestLogFilter(statusValue, statusClass, path, since, until, clientId);
        return (await log.ListAsync(db, filter, page, cancellationToken)).ToPage(page, HttpContext, PartnerRequestLog.CursorOf, LoggedRequestResponse.Of);
    }

    /// <summary>One call of your request log. Another partner's entry is 404.</summary>
    [HttpGet("{id}", Name = "GetRequestLogEntry")]
    [ProblemResponses(404)]
    public async Task<LoggedRequestResponse> Get([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        await log.FindAsync(db, id, cancellationToken) is { } entry
            ? LoggedRequestResponse.Of(entry)
            : throw DomainException.NotFound("request log entry (entries are kept 30 days)", id);
}
