using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Data;

/// <summary>
/// A transaction that joins the one already open on the context (an idempotent request wraps its
/// action in one) or opens its own; only the opener commits.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UnitOfWork(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<UnitOfWork> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class UnitOfWorkExtensions
{
    public static Task<UnitOfWork> BeginUnitOfWorkAsync(this DbContext db, CancellationToken cancellationToken = default) =>
        UnitOfWork.BeginAsync(db.Database, cancellationToken);
}
