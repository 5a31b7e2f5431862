using System.Diagnostics;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Hosting;

/// <summary>
/// Notices from the failures that requests and background jobs meet (<see cref="DbErrors.Classify"/>)
/// that the database went away, and logs it once; then probes it every second and logs its return
/// once, with how long it was gone and how many requests were answered 503 meanwhile (ADR 0013).
/// Readiness reports the database unhealthy while it is gone (<c>DatabaseHealthCheck</c>).
/// </summary>
public sealed class DatabaseOutage(IServiceScopeFactory scopes, ILogger<DatabaseOutage> logger) : IDisposable
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private int _down;
    private long _since;
    private long _answered503;

    /// <summary>Whether the database is known to be unreachable right now.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>
    /// Classifies a failure and, when it says the database is unreachable, starts an outage (logged
    /// once). The caller does not log a failure that is not <see cref="DbFailure.None"/>: it is the
    /// database's state, not a fault of its own.
    /// </summary>
    public DbFailure Note(Exception exception)
    {
        var failure = DbErrors.Classify(exception);
        if (failure == DbFailure.Unavailable)
        {
            Begin(exception.GetBaseException().Message);
        }
        return failure;
    }

    /// <summary>A request that <see cref="Note"/> classified as unavailable was answered 503.</summary>
    public void CountAnswered() => Interlocked.Increment(ref _answered503);

    /// <summary>The readiness check could not connect.</summary>
    public void NoteUnreachable(string reason) => Begin(reason);

    private void Begin(string reason)
    {
        if (Interlocked.CompareExchange(ref _down, 1, 0) != 0)
        {
            return;
        }
        Interlocked.Exchange(ref _since, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _answered503, 0);
        logger.LogWarning("The database is unreachable ({Reason}). Requests that need it answer 503 service_unavailable until it is back; it is probed every second",
            reason);
        // Every idle pooled connection died with the server: none of them may fail a request after it returns.
        WithContext(DatabaseConnections.DropPooled);
        _ = Task.Run(WatchAsync);
    }

    private async Task WatchAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeEvery, _stopping.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
                await db.Database.ExecuteSqlRawAsync("SELECT 1", _stopping.Token);
                DatabaseConnections.DropPooled(db); // connections opened while it was still starting or stopping
                var lasted = Stopwatch.GetElapsedTime(Interlocked.Read(ref _since));
                Volatile.Write(ref _down, 0);
                logger.LogWarning("The database is reachable again after {Seconds:0.0} s; {Count} requests were answered 503 meanwhile",
                    lasted.TotalSeconds, Interlocked.Read(ref _answered503));
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DbErrors.IsTransient(e))
            {
                // Still gone.
            }
            catch (Exception e)
            {
                logger.LogError(e, "Probing the database failed unexpectedly; probing again in a second");
            }
        }
    }

    private void WithContext(Action<IntegrationDbContext> action)
    {
        using var scope = scopes.CreateScope();
        action(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>());
    }

    public void Dispose() => _stopping.Cancel();
}
