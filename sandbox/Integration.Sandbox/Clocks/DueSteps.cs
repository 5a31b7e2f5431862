using Integration.Core.Orders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Integration.Sandbox.Hosting;

namespace Integration.Sandbox.Clocks;

/// <summary>
/// The open orders' next steps due by an advance's target, earliest first (ties: order id), read from the database
/// a window at a time instead of held for every open order. All steps up to <see cref="Position"/> (the last one
/// taken) have run; the next window is the first steps after it, read per status by the time its step is timed from
/// (keyset: time, then id). A step an order moved in this window queues is kept when it falls within the window;
/// a later one is stored with its order and read with a later window, once its batch has committed.
/// Memory is the window's (a few batches of steps), whatever the number of open orders.
/// </summary>
internal sealed class DueSteps(IntegrationDbContext db, OrderSchedule schedule, DateTimeOffset target, int window)
{
    private readonly SortedSet<DueStep> _steps = new(DueStep.Order);
    // The last step read, when a status had more steps than the window: every step after it is still in the database only.
    private DueStep? _readUpTo;
    private bool _read;

    /// <summary>The last step taken: every step before it has run or been held back.</summary>
    public DueStep? Position { get; private set; }

    public int Count => _steps.Count;

    /// <summary>The steps of this window still to take, in order.</summary>
    public IEnumerable<DueStep> Upcoming => _steps;

    public bool TryPeek(out DueStep step)
    {
        if (_steps.Count == 0)
        {
            step = default;
            return false;
        }
        step = _steps.Min;
        return true;
    }

    public DueStep Dequeue()
    {
        var step = _steps.Min;
        _steps.Remove(step);
        Position = step;
        return step;
    }

    /// <summary>The next step of an order moved in this window, when it falls within it (a later one is read from what is stored).</summary>
    public void Enqueue(Order moved)
    {
        if (StepOf(moved.Id, moved.Status, moved.CreatedAt, moved.ConfirmedAt, moved.ShippedAt) is { } step
            && (_readUpTo is not { } last || DueStep.Order.Compare(step, last) <= 0))
        {
            _steps.Add(step);
        }
    }

    /// <summary>
    /// Reads the next window when fewer than <paramref name="wanted"/> steps are left in this one and more may be stored.
    /// Only between batches: the steps after <see cref="Position"/> are read as committed.
    /// </summary>
    public async Task TopUpAsync(int wanted, CancellationToken cancellationToken)
    {
        if (_read && (_steps.Count >= wanted || _readUpTo is null))
        {
            return;
        }
        _steps.Clear();
        _readUpTo = null;
        _read = true;
        foreach (var (statuses, delay, rank) in Stages)
        {
            var stage = await ReadStageAsync(statuses, delay, rank, cancellationToken);
            foreach (var step in stage)
            {
                _steps.Add(step);
            }
            if (stage.Count == window && (_readUpTo is not { } last || DueStep.Order.Compare(stage[^1], last) < 0))
            {
                _readUpTo = stage[^1];
            }
        }
        if (_readUpTo is { } upTo)
        {
            // Past the last step read of a full stage, another stage's unread steps may come first.
            _steps.RemoveWhere(s => DueStep.Order.Compare(s, upTo) > 0);
        }
    }

    /// <summary>
    /// Forgets this window and goes back to <paramref name="position"/> (where a batch that wrote nothing began, as another
    /// writer moved one of its orders): the next top-up reads from what is stored.
    /// </summary>
    public void Rewind(DueStep? position)
    {
        Position = position;
        _steps.Clear();
        _readUpTo = null;
        _read = false;
    }

    private IEnumerable<(OrderStatus[] Statuses, TimeSpan Delay, int Rank)> Stages =>
    [
        ([OrderStatus.Pending, OrderStatus.AwaitingPayment], schedule.ConfirmAfter, 0),
        ([OrderStatus.Confirmed], schedule.ShipAfter, 1),
        ([OrderStatus.Shipped], schedule.DeliverAfter, 2),
    ];

    // One stage's first steps after the position, in order: by the time the step is timed from, then order id. Confirmed and
    // shipped orders are timed from when they were confirmed or shipped (always stamped by the move), so each stage's read
    // is a range of one index: partner, environment, status, that time, id (OrderConfiguration).
    private async Task<List<DueStep>> ReadStageAsync(OrderStatus[] statuses, TimeSpan delay, int rank, CancellationToken cancellationToken)
    {
        var only = statuses[0];
        // One status compares as an equality, which the index range needs (a list would read as a subquery on SQLite).
        var orders = db.Orders.AsNoTracking().Where(statuses.Length == 1 ? o => o.Status == only : o => statuses.Contains(o.Status));
        var latest = target - delay;
        var candidates = rank switch
        {
            0 => orders.Select(o => new { o.Id, o.Status, o.CreatedAt, o.ConfirmedAt, o.ShippedAt, From = (DateTimeOffset?)o.CreatedAt }),
            1 => orders.Select(o => new { o.Id, o.Status, o.CreatedAt, o.ConfirmedAt, o.ShippedAt, From = o.ConfirmedAt }),
            _ => orders.Select(o => new { o.Id, o.Status, o.CreatedAt, o.ConfirmedAt, o.ShippedAt, From = o.ShippedAt }),
        };
        candidates = candidates.Where(o => o.From <= latest);
        if (Position is { } position)
        {
            var (after, id) = (position.DueAt - delay, position.OrderId);
            // The first condition bounds the index range; the second is the keyset. At the same time and order, a later stage
            // of that order comes after the position's.
            candidates = candidates.Where(o => o.From >= after);
            candidates = rank > position.Rank
                ? candidates.Where(o => o.From > after || (o.From == after && string.Compare(o.Id, id) >= 0))
                : candidates.Where(o => o.From > after || (o.From == after && string.Compare(o.Id, id) > 0));
        }
        var read = await candidates.OrderBy(o => o.From).ThenBy(o => o.Id).Take(window).ToListAsync(cancellationToken);
        return [.. read.Select(o => StepOf(o.Id, o.Status, o.CreatedAt, o.ConfirmedAt, o.ShippedAt)!.Value)];
    }

    private DueStep? StepOf(string orderId, OrderStatus status, DateTimeOffset createdAt, DateTimeOffset? confirmedAt, DateTimeOffset? shippedAt)
    {
        var step = status switch
        {
            OrderStatus.Pending or OrderStatus.AwaitingPayment => new DueStep(createdAt + schedule.ConfirmAfter, orderId, status, 0),
            OrderStatus.Confirmed => new DueStep((confirmedAt ?? createdAt) + schedule.ShipAfter, orderId, status, 1),
            OrderStatus.Shipped => new DueStep((shippedAt ?? createdAt) + schedule.DeliverAfter, orderId, status, 2),
            _ => (DueStep?)null,
        };
        return step is { } due && due.DueAt <= target ? due : null;
    }
}
