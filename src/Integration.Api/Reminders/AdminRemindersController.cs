using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Reminders;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Reminders;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Reminders;

/// <summary>Internal teams: the reminders queue of amounts due, dispute SLAs and exit buffers, and marking an item done.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/reminders")]
public sealed class AdminRemindersController(ReminderDesk reminders) : ControllerBase
{
    /// <summary>
    /// Reminders, soonest due first. Narrow with <c>kind</c>, <c>partnerId</c>, <c>state</c> (<c>open</c> or <c>done</c>)
    /// and <c>dueBefore</c> (an ISO 8601 time).
    /// </summary>
    [HttpGet(Name = "ListReminders")]
    [AdminAccess(AdminPermission.RemindersRead)]
    [ProblemResponses(400)]
    public async Task<Page<ReminderResponse>> List(
        [FromQuery] PageQuery page, [FromQuery] ReminderKind? kind, [FromQuery, StringLength(ContractLimits.Id)] string? partnerId,
        [FromQuery] ReminderState? state, [FromQuery] DateTimeOffset? dueBefore, CancellationToken cancellationToken) =>
        (await reminders.ListAsync(new ReminderFilter(kind, partnerId, state, dueBefore), page, cancellationToken))
            .ToPage(page, HttpContext, ReminderDesk.CursorOf, ReminderResponse.Of);

    /// <summary>Marks a reminder done: it leaves the open queue and the job never opens it again. Marking it again changes nothing.</summary>
    [HttpPost("{id}/done", Name = "MarkReminderDone")]
    [AdminAccess(AdminPermission.RemindersManage)]
    [ProblemResponses(404)]
    public async Task<ReminderResponse> MarkDone([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        ReminderResponse.Of(await reminders.MarkDoneAsync(id, HttpContext.GetCaller()!.ClientId, cancellationToken));
}
