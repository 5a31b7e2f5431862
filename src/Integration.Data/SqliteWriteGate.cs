using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integration.Data;

/// <summary>
/// SQLite allows one writer at a time; a second one waits in SQLite's busy handler, which polls
/// with sleeps and left the CPU idle while requests queued (orders: ~230 writes/s). Writers of one
/// database file queue here instead, in process, and get the lock the moment it is free.
/// Explicit transactions take it in <see cref="UnitOfWork"/>; a SaveChanges outside a transaction
/// takes it through <see cref="SqliteWriteGateInterceptor"/>.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string dataSource) => Gates.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));
}

internal sealed class SqliteWriteGateInterceptor : SaveChangesInterceptor
{
    public static readonly SqliteWriteGateInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IntegrationDbContext { WriterTurn: { } turn } db && db.Database.CurrentTransaction is null)
        {
            await turn.TakeForSaveAsync(cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IntegrationDbContext { WriterTurn: { } turn } db && db.Database.CurrentTransaction is null)
        {
            turn.TakeForSave();
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    private static void Release(DbContext? context) => (context as IntegrationDbContext)?.WriterTurn?.ReleaseAfterSave();
}
