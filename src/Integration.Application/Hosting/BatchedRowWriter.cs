using System.Threading.Channels;
using Integration.Application.Observability;
using Integration.Data;

namespace Integration.Application.Hosting;

/// <summary>
/// Writes rows that a request produces but must not wait for (logs of calls), in batches, in the
/// background and outside any transaction of the request. A read on this instance first waits for the
/// rows it recorded so far to land, so a caller sees its own calls at once; other instances see them
/// within a batch. Rows that find the queue full are dropped and counted under <c>name</c> on
/// <c>partner_platform.logs.dropped</c>. With a <c>linger</c>, a batch smaller than its limit waits that long for more rows
/// before it is written: a transaction per handful of rows costs more than the rows themselves.
/// </summary>
public abstract class BatchedRowWriter<TRow>(
    IServiceScopeFactory scopes, PlatformMetrics metrics, ILogger logger, string name, int? capacity = null, TimeSpan linger = default) : BackgroundService
    where TRow : class
{
    private const int BatchSize = 500;

    private readonly Channel<(TRow Row, TaskCompletionSource Written)> _pending = capacity is { } bound
        ? Channel.CreateBounded<(TRow, TaskCompletionSource)>(new BoundedChannelOptions(bound) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite })
        : Channel.CreateUnbounded<(TRow, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _order = new();
    private Task _lastWritten = Task.CompletedTask;
    private int _pendingCount; // the single-reader channel does not count its items
    public void Record(TRow row)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_order)
        {
            if (_pending.Writer.TryWrite((row, written)))
            {
                Interlocked.Increment(ref _pendingCount);
                _lastWritten = written.Task;
                return;
            }
        }
        metrics.LogRowDropped(name); // the queue is full: the database is down or far behind
    }

    /// <summary>Rows recorded on this instance and not yet written.</summary>
    public int Pending => Volatile.Read(ref _pendingCount);

    /// <summary>Waits (briefly) until the rows this instance recorded so far are in the database.</summary>
    public Task WrittenAsync(CancellationToken cancellationToken) =>
        _lastWritten.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>What the log says when a batch could not be written, e.g. "{Count} simulator calls could not be written".</summary>
    protected abstract string LostBatchMessage { get; }

    /// <summary>Writes one batch; a subclass whose rows are many and small writes them set-based.</summary>
    protected virtual async Task WriteAsync(IntegrationDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        db.Set<TRow>().AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(TRow Row, TaskCompletionSource Written)>();
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            TakeInto(batch);
            if (batch.Count < BatchSize && linger > TimeSpan.Zero)
            {
                await Task.Delay(linger, stoppingToken);
                TakeInto(batch);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await WriteAsync(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>(), [.. batch.Select(b => b.Row)], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
#pragma warning disable CA2254 // the message template is a constant of the subclass
                logger.LogWarning(e, LostBatchMessage, batch.Count);
#pragma warning restore CA2254
            }
            Interlocked.Add(ref _pendingCount, -batch.Count);
            batch.ForEach(b => b.Written.TrySetResult());
            batch.Clear();
        }
    }

    private void TakeInto(List<(TRow Row, TaskCompletionSource Written)> batch)
    {
        while (batch.Count < BatchSize && _pending.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }
}
