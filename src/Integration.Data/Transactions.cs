using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Data;

/// <summary>
/// A transaction that joins the one already open on the context (an idempotent request wraps its
/// action in one) or opens its own; only the opener commits.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable, IDisposable
{
    private readonly IDbContextTransaction? _owned;
    private readonly SemaphoreSlim? _gate;

    private UnitOfWork(IDbContextTransaction? owned, SemaphoreSlim? gate)
    {
        _owned = owned;
        _gate = gate;
    }

    public static async Task<UnitOfWork> BeginAsync(IntegrationDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new UnitOfWork(null, null);
        }
        if (db.WriteScope is { } scope)
        {
            // The request commits this one itself, after adding its own writes (the idempotent response).
            scope.Keep(await OpenAsync(db, cancellationToken));
            return new UnitOfWork(null, null);
        }
        return await OpenAsync(db, cancellationToken);
    }

    private static async Task<UnitOfWork> OpenAsync(IntegrationDbContext db, CancellationToken cancellationToken)
    {
        var gate = db.WriterTurn?.Gate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            // Through the execution strategy: a connection that could not be opened is tried again (nothing ran yet).
            var transaction = await db.Database.CreateExecutionStrategy().ExecuteAsync(db.Database.BeginTransactionAsync, cancellationToken);
            return new UnitOfWork(transaction, gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    /// <summary>
    /// Blocking variant for a dedicated thread (<see cref="GroupCommit"/>), where waiting on the
    /// database costs no thread-pool hops. Always opens its own transaction.
    /// </summary>
    public static UnitOfWork Begin(IntegrationDbContext db)
    {
        var gate = db.WriterTurn?.Gate;
        gate?.Wait();
        try
        {
            return new UnitOfWork(db.Database.CreateExecutionStrategy().Execute(db.Database.BeginTransaction), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Commit() => _owned?.Commit();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _owned?.Dispose();
        _gate?.Release();
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
        _gate?.Release();
    }
}

public static class UnitOfWorkExtensions
{
    public static Task<UnitOfWork> BeginUnitOfWorkAsync(this IntegrationDbContext db, CancellationToken cancellationToken = default) =>
        UnitOfWork.BeginAsync(db, cancellationToken);
}
