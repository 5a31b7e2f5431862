using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Data;

/// <summary>
/// EF Core's execution strategy on PostgreSQL: an operation is run again only when its connection
/// could not be opened (<see cref="DbErrors.ServerNeverReached"/>), so nothing of it ran and a second
/// run cannot apply anything twice; at most <see cref="Retries"/> times within about a second, which
/// covers a restart's or failover's moment but not an outage (that answers 503).
/// </summary>
/// <remarks>
/// EF's retrying strategies (<c>EnableRetryOnFailure</c>) refuse user-initiated transactions, which
/// the platform opens for every unit of work (<see cref="UnitOfWork"/>, <see cref="GroupCommit"/>),
/// and run a failed operation again after any transient error, including a connection that broke
/// after a write or a commit had reached the server. This one retries nothing inside a transaction
/// (its statements are retried, if at all, as the whole unit of work by the client with its
/// Idempotency-Key); opening the transaction itself goes through it (<see cref="UnitOfWork"/>).
/// </remarks>
public sealed class ReconnectingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, Retries, TimeSpan.FromSeconds(1))
{
    public const int Retries = 3;

    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600)];

    /// <summary>
    /// False, so that EF Core treats this as a strategy it need not guard: user-initiated transactions
    /// are allowed and migrations take their ordinary path. The retries below still happen.
    /// </summary>
    public override bool RetriesOnFailure => false;

    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override bool ShouldRetryOn(Exception exception) => !InTransaction && DbErrors.ServerNeverReached(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        ExceptionsEncountered.Count <= Delays.Length && ExceptionsEncountered.Count <= MaxRetryCount ? Delays[ExceptionsEncountered.Count - 1] : null;
}
