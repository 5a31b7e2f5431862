using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.Hosting;
using Integration.Application.Hosting;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Events;

namespace Integration.Api.Events;

/// <summary>Your event log: every change to your orders (and, as they arrive, stock and money), in order, kept 30 days.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/events")]
public sealed class EventsController(EventLog events) : ControllerBase
{
    /// <summary>
    /// Pages through your events oldest first. Keep the last <c>nextCursor</c> (or the last
    /// <c>sequence</c> you processed) to resume exactly where you stopped; <c>types</c> narrows the list
    /// (comma-separated, or repeated).
    /// </summary>
    [HttpGet(Name = "ListEvents")]
    [PartnerAccess(ApiScopes.EventsRead)]
    public async Task<Page<EventResponse>> List([FromQuery] PageQuery page, [FromQuery(Name = "types"), MaxLength(ContractLimits.EventTypeFilters), MaxLengthEach(ContractLimits.Token)] string[]? types, CancellationToken cancellationToken) =>
        (await events.ListAsync(EventLog.ParseTypes(types ?? [], "types"), page, cancellationToken))
            .ToPage(page, HttpContext, EventLog.CursorOf, EventResponse.Of);
}
