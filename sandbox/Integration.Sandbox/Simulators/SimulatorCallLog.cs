using System.Threading.Channels;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Sandbox.Simulators;

/// <summary>
/// The calls sandboxes make to the simulators, written to the database (<c>sandbox_simulator_calls</c>)
/// so that whichever instance a partner reaches shows the same log. Calls are written in the
/// background, never inside the transaction that made them; a read on this instance first waits for
/// its own calls to land.
/// </summary>
public sealed class SimulatorCallLog(IServiceScopeFactory scopes, ILogger<SimulatorCallLog> logger) : BackgroundService
{
    private readonly Channel<(SimulatorCall Call, TaskCompletionSource Written)> _pending =
        Channel.CreateUnbounded<(SimulatorCall, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _order = new();
    private Task _lastWritten = Task.CompletedTask;

    public void Record(SimulatorCall call)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_order)
        {
            _lastWritten = written.Task;
            if (!_pending.Writer.TryWrite((call, written)))
            {
                written.TrySetResult(); // stopping
            }
        }
    }

    /// <summary>Waits (briefly) until the calls this instance made so far are in the database.</summary>
    public Task WrittenAsync(CancellationToken cancellationToken) =>
        _lastWritten.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    public async Task<List<SimulatorCall>> PageAsync(
        IntegrationDbContext db, string partnerId, string simulator, (DateTimeOffset At, string Id)? after, int take, CancellationToken cancellationToken)
    {
        await WrittenAsync(cancellationToken);
        var query = db.SimulatorCalls.AsNoTracking().Where(c => c.PartnerId == partnerId && c.Simulator == simulator);
        if (after is var (at, id))
        {
            query = query.Where(c => c.At > at || (c.At == at && string.Compare(c.Id, id) > 0));
        }
        return await query.OrderBy(c => c.At).ThenBy(c => c.Id).Take(take).ToListAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(SimulatorCall Call, TaskCompletionSource Written)>();
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 500 && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
                db.SimulatorCalls.AddRange(batch.Select(b => b.Call));
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Count} simulator calls could not be written to the sandbox's log", batch.Count);
            }
            batch.ForEach(b => b.Written.TrySetResult());
            batch.Clear();
        }
    }
}
