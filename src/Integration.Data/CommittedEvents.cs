using System.Data.Common;
using Integration.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integration.Data;

/// <summary>
/// Tells webhook dispatchers in this process that a transaction which appended events has committed,
/// so they deliver at once instead of at their next poll (other instances find the events by polling).
/// </summary>
public static class CommittedEvents
{
    public static event Action? Committed;

    internal static void Raise() => Committed?.Invoke();
}

/// <summary>An event written in the open transaction that still needs its sequence number.</summary>
public sealed record UnsequencedEvent(string Id, string PartnerId, ApiEnvironment Environment);

/// <summary>
/// Numbers a transaction's events just before it commits. The partner's <c>event_streams</c> row is
/// moved on (and locked) by one statement, so one partner's transactions are serialised only for the
/// instant between numbering and commit, and the numbers are gapless and in commit order.
/// </summary>
internal sealed class EventSequencingInterceptor : DbTransactionInterceptor
{
    public static readonly EventSequencingInterceptor Instance = new();

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is IntegrationDbContext { UnsequencedEvents.Count: > 0 })
        {
            throw new InvalidOperationException("Transactions that append events must commit asynchronously.");
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IntegrationDbContext { UnsequencedEvents.Count: > 0 } db)
        {
            // Streams in a fixed order, so two transactions touching the same streams cannot deadlock.
            foreach (var stream in db.UnsequencedEvents.GroupBy(e => (e.PartnerId, e.Environment)).OrderBy(g => g.Key.PartnerId, StringComparer.Ordinal).ThenBy(g => g.Key.Environment))
            {
                await NumberAsync(db, stream.Key.PartnerId, stream.Key.Environment, stream.ToList(), cancellationToken);
            }
            db.UnsequencedEvents.Clear();
            db.AppendedEvents = true;
        }
        return result;
    }

    private static async Task NumberAsync(
        IntegrationDbContext db, string partnerId, ApiEnvironment environment, List<UnsequencedEvent> events, CancellationToken cancellationToken)
    {
        var last = (await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO event_streams ("PartnerId", "Environment", "LastSequence") VALUES ({0}, {1}, {2})
            ON CONFLICT ("PartnerId", "Environment") DO UPDATE SET "LastSequence" = event_streams."LastSequence" + {2}
            RETURNING "LastSequence" AS "Value"
            """, partnerId, SnakeCase.Of(environment), (long)events.Count).ToListAsync(cancellationToken)).Single();
        var sequence = last - events.Count;
        foreach (var unsequenced in events)
        {
            sequence++;
            var id = unsequenced.Id;
            await db.Events.IgnoreQueryFilters().Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Sequence, sequence), cancellationToken);
        }
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Notify(TransactionEndEventData eventData)
    {
        if (eventData.Context is IntegrationDbContext { AppendedEvents: true } db)
        {
            db.AppendedEvents = false;
            CommittedEvents.Raise();
        }
    }

    // A transaction's events belong to it alone: a new one (or a rollback) starts with none pending.
    private static void Forget(DbContext? context)
    {
        if (context is IntegrationDbContext db)
        {
            db.AppendedEvents = false;
            db.UnsequencedEvents.Clear();
        }
    }
}
