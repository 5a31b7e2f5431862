using System.Globalization;
using Integration.Application.Events;
using Integration.Application.Observability;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Settlement;

/// <summary>
/// Sends due payouts through the bank gateway, exactly once per payout:
/// <list type="number">
/// <item>an instance leases the payout with a conditional update, so no other instance sends it meanwhile;</item>
/// <item>before its first request it records that the payout was (maybe) sent, in its own commit;</item>
/// <item>from then on every attempt first asks the gateway by idempotency key, and records a payout the
/// gateway already made instead of paying again — which covers a process that died between sending
/// and recording;</item>
/// <item>the request itself carries the same idempotency key, so the gateway would refuse a second payment anyway.</item>
/// </list>
/// The HTTP client never resends a payout request by itself (it retries lookups only), so a payout is
/// requested at most once per run, and again only after a lookup found nothing under its key.
/// Failed attempts are retried with doubling delays, then the payout is flagged <c>needs_attention</c>.
/// While the gateway's circuit is open (<see cref="GatewayCircuit"/>) a payout is not attempted: it
/// spends no attempt and waits until the circuit's break is over.
/// </summary>
public sealed class PayoutRunner(
    IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<SettlementOptions> options, PlatformMetrics metrics, ILogger<PayoutRunner> logger)
{
    private const int BatchSize = 50;
    private readonly string _instance = Ids.New("inst", 12);

    /// <summary>Sends every payout due now; returns how many it worked on.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => RunAsync(clock, partners: null, cancellationToken);

    /// <summary>Sends the sandbox payouts of <paramref name="partners"/> that are due on their sandbox clock.</summary>
    public Task<int> RunForSandboxAsync(IReadOnlyCollection<string> partners, TimeProvider sandboxClock, CancellationToken cancellationToken) =>
        RunAsync(sandboxClock, partners, cancellationToken);

    private async Task<int> RunAsync(TimeProvider clock, IReadOnlyCollection<string>? partners, CancellationToken cancellationToken)
    {
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            var now = clock.UtcNow();
            var payouts = partners is null ? db.Visible<Payout>()
                : db.Visible<Payout>().Where(p => p.Environment == ApiEnvironment.Sandbox && partners.Contains(p.PartnerId));
            due = await payouts.Where(p => p.Status == PayoutStatus.Pending && p.NextAttemptAt <= now)
                .Where(p => p.LeaseExpiresAt == null || p.LeaseExpiresAt < now)
                .OrderBy(p => p.NextAttemptAt).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        var worked = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            if (await ClaimAsync(db, id, clock, cancellationToken) is { } payout)
            {
                await PayAsync(scope.ServiceProvider, db, payout, clock, cancellationToken);
                worked++;
            }
        }
        return worked;
    }

    private async Task<Payout?> ClaimAsync(IntegrationDbContext db, string id, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var until = now + options.Value.PayoutLease;
        int claimed;
        await using (var transaction = await db.BeginUnitOfWorkAsync(cancellationToken))
        {
            claimed = await db.Visible<Payout>()
                .Where(p => p.Id == id && p.Status == PayoutStatus.Pending && p.NextAttemptAt <= now && (p.LeaseExpiresAt == null || p.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.LeaseOwner, _instance).SetProperty(p => p.LeaseExpiresAt, until)
                    .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return claimed == 1 ? await db.Visible<Payout>().FirstAsync(p => p.Id == id, cancellationToken) : null;
    }

    private async Task PayAsync(IServiceProvider services, IntegrationDbContext db, Payout payout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<AccountStanding>().IsFrozenAsync(payout.PartnerId, payout.Environment, cancellationToken))
        {
            // Frozen accounts receive no payouts; look again in an hour, without spending an attempt.
            await SaveAsync(db, payout, p => Release(p, clock.UtcNow().AddHours(1), "account frozen: payout waits until it is released"), cancellationToken);
            return;
        }
        var (bank, headers) = await services.GetRequiredKeyedService<IPayoutGateway>(payout.Environment).RouteAsync(db, payout, cancellationToken);
        if (await bank.OpenUntilAsync(cancellationToken) is { } openUntil)
        {
            await SaveAsync(db, payout, p => NotAttempted(p, openUntil, clock), cancellationToken);
            metrics.PayoutRun(payout.Environment, "not_attempted");
            return;
        }
        var answer = payout.Sent ? await bank.FindAsync(payout, headers, cancellationToken) : new GatewayAnswer(GatewayOutcome.NotFound);
        if (answer.Outcome == GatewayOutcome.NotFound)
        {
            if (!await SaveAsync(db, payout, p => p.Sent = true, cancellationToken))
            {
                return;
            }
            answer = await bank.SendAsync(payout, headers, cancellationToken);
        }
        metrics.PayoutRun(payout.Environment, answer.Outcome switch
        {
            GatewayOutcome.Paid => "paid",
            GatewayOutcome.Processing => "processing",
            GatewayOutcome.NotAttempted => "not_attempted",
            _ => payout.Attempts + 1 >= options.Value.PayoutMaxAttempts ? "needs_attention" : "failed",
        });
        switch (answer.Outcome)
        {
            case GatewayOutcome.Paid:
                await RecordPaidAsync(services, db, payout, answer.GatewayPayoutId!, clock, cancellationToken);
                break;
            case GatewayOutcome.Processing:
                await SaveAsync(db, payout, p => Release(p, clock.UtcNow() + options.Value.PayoutRetryDelay, "gateway is still processing the payout"), cancellationToken);
                break;
            case GatewayOutcome.NotAttempted:
                // The circuit opened between the check above and the call (another instance, say): nothing was sent.
                await SaveAsync(db, payout, p => NotAttempted(p, answer.OpenUntil ?? clock.UtcNow() + options.Value.PayoutRetryDelay, clock), cancellationToken);
                break;
            default:
                await SaveAsync(db, payout, p => Fail(p, answer.Problem ?? SnakeCase.Of(answer.Outcome), clock), cancellationToken);
                break;
        }
    }

    private void Fail(Payout payout, string problem, TimeProvider clock)
    {
        payout.Attempts++;
        if (payout.Attempts >= options.Value.PayoutMaxAttempts)
        {
            payout.Status = PayoutStatus.NeedsAttention;
            logger.LogError("Payout {PayoutId} of statement {StatementId} failed {Attempts} times and needs attention: {Problem}",
                payout.Id, payout.StatementId, payout.Attempts, problem);
        }
        var delay = options.Value.PayoutRetryDelay * Math.Pow(2, Math.Min(payout.Attempts - 1, 10));
        Release(payout, clock.UtcNow() + delay, problem);
    }

    /// <summary>The circuit is open: no attempt is spent and the payout stays pending; it is due again when the break is over.</summary>
    private static void NotAttempted(Payout payout, DateTimeOffset openUntil, TimeProvider clock)
    {
        var next = openUntil > clock.UtcNow() ? openUntil : clock.UtcNow();
        Release(payout, next, $"not attempted: the bank gateway's circuit is open until {openUntil:O}; no attempt counted");
    }

    private static void Release(Payout payout, DateTimeOffset nextAttempt, string? note)
    {
        payout.NextAttemptAt = nextAttempt;
        payout.LastError = note?.Length > 500 ? note[..500] : note;
        payout.LeaseOwner = null;
        payout.LeaseExpiresAt = null;
    }

    private async Task RecordPaidAsync(
        IServiceProvider services, IntegrationDbContext db, Payout payout, string gatewayPayoutId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        payout.Status = PayoutStatus.Paid;
        payout.PaidAt = now;
        payout.GatewayPayoutId = gatewayPayoutId;
        Release(payout, payout.NextAttemptAt, null);
        payout.Version++;
        db.LedgerEntries.AddRange(Postings.ForPayout(payout, now));
        var statement = await db.Visible<Statement>().Where(s => s.Id == payout.StatementId).OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var othersUnpaid = await db.Visible<Payout>().AnyAsync(p => p.StatementId == payout.StatementId && p.Id != payout.Id && p.Status != PayoutStatus.Paid, cancellationToken);
        if (!othersUnpaid)
        {
            statement.MarkPaid(now);
        }
        services.GetRequiredService<EventLog>().Append(payout.PartnerId, payout.Environment, EventTypes.PayoutPaid, payout.Id, new
        {
            payoutId = payout.Id, statementId = payout.StatementId, period = statement.Period, disputeId = payout.DisputeId,
            amount = Money.Format(payout.Amount), currency = payout.Currency, statementStatus = SnakeCase.Of(statement.Status),
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another instance took the payout over; it asks the gateway by key and records it.
            logger.LogWarning("Payout {PayoutId} was taken over by another instance before it could be recorded", payout.Id);
        }
    }

    /// <summary>Applies a change and saves it only if no other instance took the payout over meanwhile.</summary>
    private async Task<bool> SaveAsync(IntegrationDbContext db, Payout payout, Action<Payout> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        change(payout);
        payout.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Payout {PayoutId} was taken over by another instance", payout.Id);
            return false;
        }
    }
}
