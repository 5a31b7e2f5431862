using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Data;

/// <summary>
/// Commits the writes of many requests in one transaction. A transaction's fixed costs (the SQLite
/// writer lock, its pages written to the log, numbering each partner's events, the commit's fsync on
/// PostgreSQL) are then paid once per batch instead of once per request, and one partner's
/// concurrent orders no longer queue on its event-stream row one commit at a time. A batch is
/// whatever queued while the previous one was written, so a lone request waits for nothing.
/// </summary>
/// <remarks>
/// A write is a function that adds entities to the batch's context; it may run twice: when a batch
/// fails on a constraint, each of its writes is retried in a transaction of its own, so only the
/// request that broke the constraint fails. A write, once queued, is never abandoned: its request
/// waits for the outcome even when cancelled, so a client's retry cannot race its first attempt.
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<GroupCommit> _logger;
    private readonly BlockingCollection<Job> _queue = [];
    private readonly Thread _writer;

    public GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger)
    {
        _scopes = scopes;
        _logger = logger;
        // One writer on a thread of its own, with blocking database calls: under load each await would
        // queue behind the requests' work in the thread pool. A second writer measured slower on
        // PostgreSQL: both batches number the same partners' event streams and wait for each other.
        _writer = new Thread(WriteQueued) { IsBackground = true, Name = "group-commit" };
        _writer.Start();
    }

    /// <summary>Completes when the writes are committed; throws what the database answered otherwise.</summary>
    public Task CommitAsync(IReadOnlyList<Action<IntegrationDbContext>> writes)
    {
        var job = new Job(writes);
        try
        {
            _queue.Add(job);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The platform is shutting down.");
        }
        return job.Done.Task;
    }

    private void WriteQueued()
    {
        var batch = new List<Job>(MaxBatch);
        while (_queue.TryTake(out var first, Timeout.Infinite))
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var job))
            {
                batch.Add(job);
            }
            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<Job> batch)
    {
        try
        {
            Save(batch);
            batch.ForEach(job => job.Done.TrySetResult());
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            foreach (var job in batch)
            {
                Write([job]);
            }
        }
        catch (Exception e)
        {
            // A constraint is explained to its request; the database's transient state is answered 503 and logged once per outage.
            if (e is not DbUpdateException && !DbErrors.IsTransient(e))
            {
                _logger.LogError(e, "A group commit of {Count} writes failed", batch.Count);
            }
            batch.ForEach(job => job.Done.TrySetException(e));
        }
    }

    private void Save(IReadOnlyList<Job> batch)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        // Each round trip to PostgreSQL waits for a busy server to schedule it: no savepoint around the
        // save (a failed batch rolls back whole), so a batch is three round trips (save, number, commit).
        db.Database.AutoSavepointsEnabled = false;
        using var transaction = UnitOfWork.Begin(db);
        foreach (var write in batch.SelectMany(job => job.Writes))
        {
            write(db);
        }
        db.SaveChanges();
        transaction.Commit();
    }

    public ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        _writer.Join(TimeSpan.FromSeconds(30));
        return ValueTask.CompletedTask;
    }

    private sealed record Job(IReadOnlyList<Action<IntegrationDbContext>> Writes)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// One request's writes for <see cref="GroupCommit"/>, with how to explain a constraint they break.
/// Inside an idempotent request they commit together with the recorded response
/// (<see cref="WriteScope"/>); otherwise at once.
/// </summary>
public sealed class GroupedWrites(GroupCommit committer)
{
    private readonly List<Action<IntegrationDbContext>> _writes = [];
    private readonly List<Func<DbUpdateException, Exception?>> _explanations = [];

    public GroupedWrites Add(Action<IntegrationDbContext> write)
    {
        _writes.Add(write);
        return this;
    }

    /// <summary>Turns a failure the writes can cause (a unique index) into the error the caller should get.</summary>
    public GroupedWrites Explain(Func<DbUpdateException, Exception?> explain)
    {
        _explanations.Add(explain);
        return this;
    }

    public async Task CommitAsync()
    {
        try
        {
            await committer.CommitAsync(_writes);
        }
        catch (DbUpdateException e) when (_explanations.Select(explain => explain(e)).FirstOrDefault(x => x is not null) is { } explained)
        {
            throw explained;
        }
    }
}

public static class GroupedWritesExtensions
{
    /// <summary>
    /// Commits <paramref name="writes"/> now, or, when the request records its response with them,
    /// hands them to its <see cref="WriteScope"/>.
    /// </summary>
    public static Task CommitOrDeferAsync(this IntegrationDbContext db, GroupedWrites writes)
    {
        if (db.WriteScope is { } scope)
        {
            scope.Hold(writes);
            return Task.CompletedTask;
        }
        return writes.CommitAsync();
    }
}
