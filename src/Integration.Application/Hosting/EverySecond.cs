using Integration.Data;

namespace Integration.Application.Hosting;

/// <summary>The loop of a background job that looks for work every second (leased jobs: stock imports, clock advances).</summary>
public static class EverySecond
{
    /// <summary>Runs <paramref name="work"/> every second until stopped; a failure is logged (a database outage once, not every second) and the loop goes on.</summary>
    public static async Task RunAsync(Func<CancellationToken, Task> work, DatabaseOutage outage, ILogger logger, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (outage.Note(e) == DbFailure.None)
                {
                    logger.LogWarning(e, "Running {What} failed; retrying in a second", what);
                }
            }
        }
    }
}
