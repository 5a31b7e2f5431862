using System.Data.Common;
using Integration.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integration.Data;


/// <summary>
/// The events an open transaction appended, per stream, still to be numbered at commit. Until then
/// each row holds a negative placeholder that encodes this transaction's random token and the event's
/// index within its stream, so numbering a stream is one UPDATE however many events it got. Once
/// numbered, they wait for the commit, which wakes the webhook dispatchers.
/// </summary>
public sealed class UnsequencedEvents
{
    private const int IndexBits = 20;
    private const long IndexMask = (1L << IndexBits) - 1;
    private readonly Dictionary<(string PartnerId, ApiEnvironment Environment), int> _counts = [];
    private readonly List<Core.Events.PartnerEvent> _deferred = [];
    private long _token;
    private bool _numberedAwaitingCommit;

    public int Count => _counts.Count;

    /// <summary>The placeholder sequence of the next event of a stream.</summary>
    public long NextPlaceholder(string partnerId, ApiEnvironment environment)
    {
        if (_token == 0)
        {
            _token = Random.Shared.NextInt64(1, 1L << 40);
        }
        var index = _counts.GetValueOrDefault((partnerId, environment));
        if (index >= 1 << IndexBits)
        {
            throw new InvalidOperationException($"One transaction may append at most {1 << IndexBits} events per partner and environment.");
        }
        _counts[(partnerId, environment)] = index + 1;
        return -((_token << IndexBits) | (long)index);
    }

    internal IEnumerable<(string PartnerId, ApiEnvironment Environment, int Count)> Streams =>
        _counts.OrderBy(c => c.Key.PartnerId, StringComparer.Ordinal).ThenBy(c => c.Key.Environment).Select(c => (c.Key.PartnerId, c.Key.Environment, c.Value));

    internal long Token => _token;

    /// <summary>
    /// Events of a bulk path that are inserted only at commit, already numbered: one multi-row insert
    /// instead of an insert now and an UPDATE of every row at commit.
    /// </summary>
    internal void Defer(IEnumerable<Core.Events.PartnerEvent> events) => _deferred.AddRange(events);

    internal IReadOnlyList<Core.Events.PartnerEvent> Deferred => _deferred;

    /// <summary>The final number of an event whose stream's numbers start at <paramref name="first"/>.</summary>
    internal static long Numbered(long placeholder, long first) => first + ((-placeholder) & IndexMask);

    /// <summary>The events are numbered: nothing is left to number, and the commit is to announce them.</summary>
    internal void MarkNumbered()
    {
        Clear();
        _numberedAwaitingCommit = true;
    }

    /// <summary>Whether the transaction that just committed had numbered events (asked once per commit).</summary>
    internal bool TakeCommitted()
    {
        var committed = _numberedAwaitingCommit;
        _numberedAwaitingCommit = false;
        return committed;
    }

    /// <summary>A new transaction, or a rollback: nothing pending, nothing to announce.</summary>
    internal void Forget()
    {
        Clear();
        _numberedAwaitingCommit = false;
    }

    private void Clear()
    {
        _counts.Clear();
        _deferred.Clear();
        _token = 0;
    }
}

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
        if (eventData.Context is IntegrationDbContext { UnsequencedEvents.Count: > 0 } db)
        {
            if (db.UnsequencedEvents.Deferred.Count > 0)
            {
                throw new InvalidOperationException("Transactions with bulk events must commit asynchronously.");
            }
            // Every step runs synchronously here, so the task is complete when it returns.
            NumberStreamsAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
            db.UnsequencedEvents.MarkNumbered();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IntegrationDbContext { UnsequencedEvents.Count: > 0 } db)
        {
            var firsts = await NumberStreamsAsync(db, sync: false, cancellationToken);
            if (db.UnsequencedEvents.Deferred.Count > 0)
            {
                await db.InsertNumberedEventsAsync(db.UnsequencedEvents.Deferred,
                    e => UnsequencedEvents.Numbered(e.Sequence, firsts[(e.PartnerId, e.Environment)]), cancellationToken);
            }
            db.UnsequencedEvents.MarkNumbered();
        }
        return result;
    }

    /// <summary>Numbers each stream the transaction appended to; returns each stream's first new number.</summary>
    private static async ValueTask<Dictionary<(string, ApiEnvironment), long>> NumberStreamsAsync(IntegrationDbContext db, bool sync, CancellationToken cancellationToken)
    {
        // Streams in a fixed order, so two transactions touching the same streams cannot deadlock.
        var firsts = new Dictionary<(string, ApiEnvironment), long>();
        foreach (var (partnerId, environment, count) in db.UnsequencedEvents.Streams)
        {
            firsts[(partnerId, environment)] = await NumberAsync(db, partnerId, environment, count, db.UnsequencedEvents.Token, sync, cancellationToken);
        }
        return firsts;
    }

    /// <summary>Moves the stream on by <paramref name="count"/>, numbers the rows already inserted, and returns the stream's first new number.</summary>
    private static async ValueTask<long> NumberAsync(
        IntegrationDbContext db, string partnerId, ApiEnvironment environment, int count, long token, bool sync, CancellationToken cancellationToken)
    {
        var environmentName = SnakeCase.Of(environment);
        // Placeholder -(token << 20 | index) becomes first + index (1048575 = 2^20 - 1; see UnsequencedEvents).
        if (db.Database.IsNpgsql())
        {
            // One round trip: the stream moves on, and its rows are numbered, in one statement.
            var moveOnAndNumber = db.Database.SqlQueryRaw<long>(
                """
                WITH stream AS (
                    INSERT INTO event_streams ("PartnerId", "Environment", "LastSequence") VALUES ({0}, {1}, {2})
                    ON CONFLICT ("PartnerId", "Environment") DO UPDATE SET "LastSequence" = event_streams."LastSequence" + {2}
                    RETURNING "LastSequence"),
                numbered AS (
                    UPDATE events SET "Sequence" = stream."LastSequence" - {2} + 1 + ((-events."Sequence") & 1048575)
                    FROM stream
                    WHERE events."PartnerId" = {0} AND events."Environment" = {1} AND events."Sequence" < 0 AND ((-events."Sequence") >> 20) = {3})
                SELECT "LastSequence" AS "Value" FROM stream
                """, partnerId, environmentName, (long)count, token);
            var lastNumbered = sync ? moveOnAndNumber.AsEnumerable().Single() : (await moveOnAndNumber.ToListAsync(cancellationToken)).Single();
            return lastNumbered - count + 1;
        }
        var moveOn = db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO event_streams ("PartnerId", "Environment", "LastSequence") VALUES ({0}, {1}, {2})
            ON CONFLICT ("PartnerId", "Environment") DO UPDATE SET "LastSequence" = event_streams."LastSequence" + {2}
            RETURNING "LastSequence" AS "Value"
            """, partnerId, environmentName, (long)count);
        var last = sync ? moveOn.AsEnumerable().Single() : (await moveOn.ToListAsync(cancellationToken)).Single();
        const string number =
            """
            UPDATE events SET "Sequence" = {0} + ((-"Sequence") & 1048575)
            WHERE "PartnerId" = {1} AND "Environment" = {2} AND "Sequence" < 0 AND ((-"Sequence") >> 20) = {3}
            """;
        object[] arguments = [last - count + 1, partnerId, environmentName, token];
        if (sync)
        {
            db.Database.ExecuteSqlRaw(number, arguments);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(number, arguments, cancellationToken);
        }
        return last - count + 1;
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
        if (eventData.Context is IntegrationDbContext db && db.UnsequencedEvents.TakeCommitted())
        {
            db.CommittedEvents?.Raise();
        }
    }

    // A transaction's events belong to it alone: a new one (or a rollback) starts with none pending.
    private static void Forget(DbContext? context)
    {
        (context as IntegrationDbContext)?.UnsequencedEvents.Forget();
    }
}
