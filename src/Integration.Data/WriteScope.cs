namespace Integration.Data;

/// <summary>
/// The one owner of a request's commit when the request adds writes of its own to its action's — an idempotent
/// request stores its response in the same commit as the order or payout it created, so both are kept or neither.
/// While the scope is open, the first unit of work the action opens stays open here (<see cref="UnitOfWork"/>), or
/// the writes the action leaves for a group commit wait here (<see cref="GroupedWritesExtensions"/>);
/// <see cref="CommitWithAsync"/> adds the request's writes and commits; <see cref="DisposeAsync"/> rolls back what
/// was not committed.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    private readonly IntegrationDbContext _db;
    private UnitOfWork? _open;
    private GroupedWrites? _grouped;

    private WriteScope(IntegrationDbContext db) => _db = db;

    public static WriteScope Begin(IntegrationDbContext db)
    {
        if (db.WriteScope is not null)
        {
            throw new InvalidOperationException("A write scope is already open on this context.");
        }
        return db.WriteScope = new WriteScope(db);
    }

    internal void Keep(UnitOfWork opened) => _open = opened;

    internal void Hold(GroupedWrites writes) => _grouped = writes;

    /// <summary>
    /// Commits the action's writes with the request's: into the action's group commit when it left one
    /// (<paramref name="toGroup"/>), else in the transaction the action opened (or a new one) with <paramref name="own"/>.
    /// </summary>
    public async Task CommitWithAsync(Func<GroupedWrites, Task> toGroup, Func<CancellationToken, Task> own, CancellationToken cancellationToken)
    {
        Detach();
        if (_grouped is { } grouped)
        {
            _grouped = null;
            await toGroup(grouped);
            return;
        }
        var opened = _open;
        _open = null;
        await using var transaction = opened ?? await _db.BeginUnitOfWorkAsync(cancellationToken);
        await own(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Detach();
        _grouped = null; // an action that failed after staging its writes: they are dropped
        if (_open is { } unfinished)
        {
            _open = null;
            await unfinished.DisposeAsync();
        }
    }

    private void Detach()
    {
        if (ReferenceEquals(_db.WriteScope, this))
        {
            _db.WriteScope = null;
        }
    }
}
