using Integration.Application.Audit;
using Integration.Application.Credentials;
using Integration.Application.Events;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Partners;

/// <summary>
/// domain.md › Partners › Exiting: an exit starts with a date, the partner keeps three months from it for existing
/// business, and the day after the buffer ends it is terminated and its credentials end (as a revocation ends them).
/// </summary>
public sealed class PartnerExits(
    IntegrationDbContext db, PartnerRegistry registry, AuditLog audit, EventLog events, PartnerSnapshots snapshots,
    TimeProvider clock)
{
    /// <summary>Who ends exits in the audit log: no person does, the buffer's end does.</summary>
    public const string Actor = "system:partner-exits";

    public async Task<Partner> StartAsync(string partnerId, DateOnly exitDate, string actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        if (exitDate < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException(ErrorKind.Unprocessable, "exit_date_in_past", $"The exit date {exitDate:yyyy-MM-dd} is in the past.",
                new Dictionary<string, string[]> { ["exitDate"] = ["Name today or a later day."] });
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId && p.SandboxOwnerId == null, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        partner.ChangeStatus(PartnerStatus.Exiting, exitDate);
        partner.Touch(now);
        await audit.AppendAsync(new AuditRecord(actor, "partner.exit_started", partner.Id,
            Details: new { exitDate, bufferEndsOn = partner.ExitBufferEndsOn }), cancellationToken);
        events.AppendInEveryEnvironment(partner.Id, EventTypes.PartnerExiting, partner.Id, new { partnerId, exitDate, bufferEndsOn = partner.ExitBufferEndsOn }, now);
        await registry.SaveAsync(partner, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partner.Id);
        return partner;
    }

    /// <summary>
    /// Terminates every exiting partner whose buffer has ended and ends the credentials of terminated partners. Safe on
    /// many instances at once: the partner's version is the concurrency token, so only one instance terminates a partner
    /// (and writes its events); a revoked credential is not found again.
    /// </summary>
    public async Task<int> EndDueExitsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.UtcNow().UtcDateTime);
        var exiting = await db.Partners.AsNoTracking().Where(p => p.Status == PartnerStatus.Exiting).Select(p => p.Id).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var id in exiting)
        {
            if (await TryTerminateAsync(id, today, cancellationToken))
            {
                ended++;
            }
        }
        return ended;
    }

    private async Task<bool> TryTerminateAsync(string partnerId, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is not { Status: PartnerStatus.Exiting } || !(today > partner.ExitBufferEndsOn))
        {
            return false;
        }
        var now = clock.UtcNow();
        partner.ChangeStatus(PartnerStatus.Terminated, exitDate: null);
        partner.Touch(now);
        await audit.AppendAsync(new AuditRecord(Actor, "partner.terminated", partner.Id,
            Details: new { partner.ExitDate, bufferEndedOn = partner.ExitBufferEndsOn }), cancellationToken);
        events.AppendInEveryEnvironment(partner.Id, EventTypes.PartnerTerminated, partner.Id,
            new { partnerId, exitDate = partner.ExitDate, bufferEndedOn = partner.ExitBufferEndsOn }, now);
        try
        {
            await registry.SaveAsync(partner, Actor, cancellationToken);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.PreconditionFailed)
        {
            return false; // another instance terminated it first
        }
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partner.Id);
        return true;
    }
}
