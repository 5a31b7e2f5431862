using Integration.Application.Inventory;
using Integration.Application.Orders;
using Integration.Application.Settlement;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Worlds;
using Integration.Sandbox.Scenarios;

namespace Integration.Sandbox.Clocks;

/// <summary>What one clock advance did.</summary>
/// <param name="From">The sandbox clock before.</param>
/// <param name="To">The sandbox clock after.</param>
/// <param name="OrdersConfirmed">Orders confirmed on the schedule (pending, or awaiting_payment with the prepayment arriving).</param>
/// <param name="OrdersShipped">Orders shipped on the schedule.</param>
/// <param name="OrdersDelivered">Orders delivered once the carrier reported them.</param>
/// <param name="OrdersHeldBack">Orders the schedule could not move on, and why.</param>
/// <param name="TransfersExpired">Transfer requests that expired undecided.</param>
/// <param name="MonthsClosed">Months closed into statements (<c>YYYY-MM</c>).</param>
/// <param name="PayoutsAttempted">Payout attempts sent to the simulated bank gateway.</param>
/// <param name="DisputesPastSla">Open disputes whose SLA deadline the clock passed.</param>
public sealed record AdvanceOutcome(
    DateTimeOffset From, DateTimeOffset To, int OrdersConfirmed, int OrdersShipped, int OrdersDelivered,
    IReadOnlyList<HeldBackOrder> OrdersHeldBack, int TransfersExpired, IReadOnlyList<string> MonthsClosed, int PayoutsAttempted, int DisputesPastSla);

/// <summary>An order the schedule could not move on, and why (a scenario, or a simulator in failure mode).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">Where the order stays.</param>
/// <param name="Reason">The problem code and what happened, e.g. <c>insufficient_stock: …</c>.</param>
public sealed record HeldBackOrder(string OrderId, OrderStatus Status, string Reason);

/// <summary>
/// Moves a partner's sandbox clock forward and runs, once, everything that falls due in between, in
/// the order it falls due and each at its own time: orders move along the schedule, months close,
/// payouts go to the simulated gateway. Timers do not tick through the skipped time (docs/adr/0010).
/// </summary>
public sealed class SandboxTimeMachine(
    IntegrationDbContext db, BusinessClock clock, TimeProvider platform, SandboxWorlds worlds, OrderBook orders, TransferDesk transfers,
    PeriodCloser closer, PayoutRunner payouts, SimulatedCarrier carrier, IOptions<SandboxOptions> options, IOptions<SettlementOptions> settlement)
{
    public static string TrackingNumberOf(Order order) => $"SBX{order.Id[^12..].ToUpperInvariant()}";

    /// <summary>Moves the clock <paramref name="by"/> a duration, or <paramref name="to"/> a time, and runs what fell due.</summary>
    public async Task<AdvanceOutcome> AdvanceAsync(string partnerId, TimeSpan? by, DateTimeOffset? to, CancellationToken cancellationToken) =>
        await RunDueAsync(partnerId, await MoveClockAsync(partnerId, by, to, cancellationToken), null, cancellationToken);

    /// <summary>
    /// Moves the clock only. What fell due between the two times is still to run (<see cref="RunDueAsync"/>):
    /// a failure part-way leaves it due, and running it again finishes it without doing anything twice.
    /// </summary>
    public async Task<ClockMove> MoveClockAsync(string partnerId, TimeSpan? by, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var world = await worlds.EnsureAsync(partnerId, cancellationToken);
        var from = platform.UtcNow() + world.ClockOffset;
        var target = ClockExtensions.ToStoredPrecision(to ?? from + by!.Value);
        var field = to is null ? "by" : "to";
        if (target <= from)
        {
            throw new DomainException(ErrorKind.Unprocessable, "clock_backwards",
                $"The sandbox clock is at {from:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}; it only moves forward.",
                new Dictionary<string, string[]> { [field] = ["Give a time after the sandbox clock's current time."] });
        }
        if (target - from > SandboxWorld.MaxAdvance)
        {
            throw new DomainException(ErrorKind.Unprocessable, "advance_too_far", "One advance moves the clock by at most 2 years (P731D); advance in steps.",
                new Dictionary<string, string[]> { [field] = ["At most P731D (2 years) ahead of the sandbox clock per call."] });
        }
        // The clock moves first: a failure part-way leaves work that the next advance finds still due.
        world.ClockOffset = target - platform.UtcNow();
        world.LastUsedAt = platform.UtcNow();
        world.Version++;
        await using (var transaction = await db.BeginUnitOfWorkAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException(ErrorKind.Conflict, "concurrent_update", "The sandbox clock moved while this request ran. Read it again and retry.");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return new ClockMove(from, target);
    }

    /// <summary>Runs, once and in the order it falls due, everything due between <paramref name="move"/>'s two times.</summary>
    public async Task<AdvanceOutcome> RunDueAsync(string partnerId, ClockMove move, IProgress<AdvanceProgress>? progress, CancellationToken cancellationToken)
    {
        var (from, target) = move;
        var world = await worlds.EnsureAsync(partnerId, cancellationToken);
        var run = new Tally();
        var partners = await worlds.PartnersOfAsync(partnerId, cancellationToken);
        var closes = new Queue<(SettlementPeriod Period, DateTimeOffset DueAt)>(MonthsToClose(from, target));
        var heldBack = new Dictionary<string, HeldBackOrder>();
        // Loaded once: an advance creates no orders, and each move hands back the order as it now is.
        var open = await db.Orders.AsNoTracking().Where(o => OpenStatuses.Contains(o.Status)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var payoutRuns = 0;
        while (true)
        {
            var nextOrder = NextOrderStep(open.Values, target);
            var nextClose = closes.Count > 0 ? closes.Peek() : ((SettlementPeriod Period, DateTimeOffset DueAt)?)null;
            var nextPayout = payoutRuns < MaxPayoutRuns ? await NextPayoutAttemptAsync(target, cancellationToken) : null;
            var at = new[] { nextOrder?.DueAt, nextClose?.DueAt, nextPayout }.Where(t => t is not null).Min();
            if (at is not { } due)
            {
                break;
            }
            RunAt(due);
            if (nextClose?.DueAt == due)
            {
                closes.Dequeue();
                await CloseMonthAsync(partnerId, nextClose.Value.Period, run, cancellationToken);
            }
            else if (nextPayout == due)
            {
                payoutRuns++;
                var worked = await payouts.RunForSandboxAsync(partners, clock, cancellationToken);
                run.PayoutsAttempted += worked;
                if (worked == 0)
                {
                    payoutRuns = MaxPayoutRuns; // leased by another instance: it finishes them
                }
            }
            else
            {
                var order = nextOrder!.Value.Order;
                var (moved, reason) = await MoveOrderAsync(partnerId, world, order, run, cancellationToken);
                progress?.Report(new AdvanceProgress(run.Confirmed + run.Shipped + run.Delivered, heldBack.Count + (reason is null ? 0 : 1)));
                if (reason is not null)
                {
                    heldBack[order.Id] = new HeldBackOrder(order.Id, order.Status, reason);
                    open.Remove(order.Id);
                }
                else if (OpenStatuses.Contains(moved!.Status))
                {
                    open[order.Id] = moved;
                }
                else
                {
                    open.Remove(order.Id);
                }
            }
        }
        RunAt(target);
        run.TransfersExpired = await transfers.ExpireDueAsync(partners, cancellationToken);
        var pastSla = await db.Disputes.CountAsync(d => d.Status == DisputeStatus.Open && d.SlaDeadline != null && d.SlaDeadline > from && d.SlaDeadline <= target, cancellationToken);
        return new AdvanceOutcome(from, target, run.Confirmed, run.Shipped, run.Delivered, [.. heldBack.Values], run.TransfersExpired,
            run.MonthsClosed, run.PayoutsAttempted, pastSla);
    }

    // A payout that keeps being put off (a frozen account waits an hour at a time) must not make one advance run forever.
    private const int MaxPayoutRuns = 50;

    private async Task<DateTimeOffset?> NextPayoutAttemptAsync(DateTimeOffset target, CancellationToken cancellationToken) =>
        await db.Payouts.Where(p => p.Status == PayoutStatus.Pending && p.NextAttemptAt <= target)
            .OrderBy(p => p.NextAttemptAt).Select(p => (DateTimeOffset?)p.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);

    private void RunAt(DateTimeOffset at) => clock.RunAhead(at - platform.GetUtcNow());

    private IEnumerable<(SettlementPeriod Period, DateTimeOffset DueAt)> MonthsToClose(DateTimeOffset from, DateTimeOffset target)
    {
        var zone = settlement.Value.TimeZone;
        // From the month before the clock's month: its close may still be due.
        for (var period = SettlementPeriod.Of(from).Previous; ; period = period.Next)
        {
            var due = CloseSchedule.DueAt(period, zone, settlement.Value.CloseDelay);
            if (due > target)
            {
                yield break;
            }
            yield return (period, due);
        }
    }

    private async Task CloseMonthAsync(string partnerId, SettlementPeriod period, Tally run, CancellationToken cancellationToken)
    {
        var text = period.ToString();
        if (await db.Statements.AnyAsync(s => s.Period == text, cancellationToken))
        {
            return;
        }
        try
        {
            if ((await closer.CloseAsync(ApiEnvironment.Sandbox, period, partnerId, cancellationToken)).Closed > 0)
            {
                run.MonthsClosed.Add(text);
            }
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            // The partner had no sandbox yet in that month: nothing to settle.
        }
    }

    private static readonly OrderStatus[] OpenStatuses = [OrderStatus.Pending, OrderStatus.AwaitingPayment, OrderStatus.Confirmed, OrderStatus.Shipped];

    private (Order Order, DateTimeOffset DueAt)? NextOrderStep(IEnumerable<Order> open, DateTimeOffset target)
    {
        var schedule = options.Value.Orders;
        return open.Select(o => (Order: o, DueAt: o.Status switch
            {
                OrderStatus.Pending or OrderStatus.AwaitingPayment => o.CreatedAt + schedule.ConfirmAfter,
                OrderStatus.Confirmed => (o.ConfirmedAt ?? o.CreatedAt) + schedule.ShipAfter,
                _ => (o.ShippedAt ?? o.CreatedAt) + schedule.DeliverAfter,
            }))
            .Where(s => s.DueAt <= target)
            .OrderBy(s => s.DueAt).ThenBy(s => s.Order.Id, StringComparer.Ordinal)
            .Select(s => ((Order, DateTimeOffset)?)s)
            .FirstOrDefault();
    }

    /// <summary>Moves one order one status on: the order as it now is, or why it stays where it is.</summary>
    private async Task<(Order? Moved, string? HeldBack)> MoveOrderAsync(string partnerId, SandboxWorld world, Order order, Tally run, CancellationToken cancellationToken)
    {
        const string actor = "sandbox-clock";
        if (order.Status == OrderStatus.AwaitingPayment && SandboxActions.PrepaymentFails(order))
        {
            return (null, $"failed_prepayment: references starting {SandboxScenarios.FailPaymentReferencePrefix} never receive their prepayment");
        }
        if (order.Status == OrderStatus.Shipped
            && !await carrier.IsDeliveredAsync(partnerId, world.CarrierMode, order.TrackingNumber ?? TrackingNumberOf(order), cancellationToken))
        {
            return (null, "carrier: the simulated carrier's tracking did not report the parcel delivered");
        }
        try
        {
            var moved = order.Status switch
            {
                OrderStatus.Pending or OrderStatus.AwaitingPayment =>
                    await orders.MoveOnScheduleAsync(order.Id, order.Status, OrderStatus.Confirmed, actor, null, cancellationToken),
                OrderStatus.Confirmed => await orders.MoveOnScheduleAsync(order.Id, OrderStatus.Confirmed, OrderStatus.Shipped, actor,
                    o => o.RecordShipment(options.Value.Orders.Carrier, TrackingNumberOf(o)), cancellationToken),
                _ => await orders.MoveOnScheduleAsync(order.Id, OrderStatus.Shipped, OrderStatus.Delivered, actor, null, cancellationToken),
            };
            run.Count(moved.Status);
            return (moved, null);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.Unprocessable)
        {
            return (null, $"{e.Code}: {e.Message}");
        }
    }

    private sealed class Tally
    {
        public void Count(OrderStatus reached)
        {
            switch (reached)
            {
                case OrderStatus.Confirmed: Confirmed++; break;
                case OrderStatus.Shipped: Shipped++; break;
                case OrderStatus.Delivered: Delivered++; break;
            }
        }

        public int Confirmed { get; set; }
        public int Shipped { get; set; }
        public int Delivered { get; set; }
        public int TransfersExpired { get; set; }
        public int PayoutsAttempted { get; set; }
        public List<string> MonthsClosed { get; } = [];
    }
}
