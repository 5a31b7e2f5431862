using Integration.Application.Inventory;
using Integration.Application.Orders;
using Integration.Application.Settlement;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Core.Settlement;
using System.Text.Json;
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
    PeriodCloser closer, PayoutRunner payouts, SimulatedCarrier carrier, SimulatorCallLog callLog, IOptions<SandboxOptions> options,
    IOptions<SettlementOptions> settlement)
{
    /// <summary>Batches' worth of carrier calls the call log may have still to write before a batch waits for it.</summary>
    private const int CallLogLag = 4;

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

    /// <summary>
    /// Runs, once and in the order it falls due, everything due between <paramref name="move"/>'s two times.
    /// Order steps due before the next month close or payout attempt run in batches of
    /// <see cref="SandboxOptions.AdvanceBatchSize"/> steps, one transaction each, in the order of one step at
    /// a time (due time, then order id): the same moves, events and numbers as moving orders one by one. The steps
    /// are read from the database a few batches at a time (<see cref="DueSteps"/>), so memory does not grow with the open orders.
    /// An asynchronous <paramref name="advance"/> starts counting from what it ran before it was taken over, and
    /// records what has run with each batch, in the batch's transaction (<see cref="ClockAdvance.RanSoFar"/>).
    /// </summary>
    public async Task<AdvanceOutcome> RunDueAsync(string partnerId, ClockMove move, ClockAdvance? advance, CancellationToken cancellationToken)
    {
        var (from, target) = move;
        var world = await worlds.EnsureAsync(partnerId, cancellationToken);
        var carrierMode = world.CarrierMode;
        var run = Tally.From(advance?.RanSoFar);
        var partners = await worlds.PartnersOfAsync(partnerId, cancellationToken);
        var closes = new Queue<(SettlementPeriod Period, DateTimeOffset DueAt)>(MonthsToClose(from, target));
        // An advance taken over part-way goes on with what the interrupted run held back, so its result names them too.
        var heldBack = Tally.HeldBackFrom(advance?.RanSoFar).ToDictionary(order => order.OrderId);
        var batchSize = options.Value.AdvanceBatchSize;
        var due = new DueSteps(db, options.Value.Orders, target, StepsReadAtOnce * batchSize);
        var payoutRuns = 0;
        // Only a close or a payout run changes when the next payout attempt falls due.
        var nextPayout = await NextPayoutAttemptAsync(target, cancellationToken);
        while (true)
        {
            await due.TopUpAsync(batchSize, cancellationToken);
            DateTimeOffset? nextOrder = due.TryPeek(out var step) ? step.DueAt : null;
            var nextClose = closes.Count > 0 ? closes.Peek() : ((SettlementPeriod Period, DateTimeOffset DueAt)?)null;
            var payoutDue = payoutRuns < MaxPayoutRuns ? nextPayout : null;
            var at = new[] { nextOrder, nextClose?.DueAt, payoutDue }.Where(t => t is not null).Min();
            if (at is not { } dueAt)
            {
                break;
            }
            if (nextClose?.DueAt == dueAt)
            {
                RunAt(dueAt);
                closes.Dequeue();
                await CloseMonthAsync(partnerId, nextClose.Value.Period, run, cancellationToken);
                await RecordAsync(advance, run, heldBack.Values, cancellationToken);
                nextPayout = await NextPayoutAttemptAsync(target, cancellationToken);
            }
            else if (payoutDue == dueAt)
            {
                RunAt(dueAt);
                payoutRuns++;
                var worked = await payouts.RunForSandboxAsync(partners, clock, cancellationToken);
                run.PayoutsAttempted += worked;
                await RecordAsync(advance, run, heldBack.Values, cancellationToken);
                if (worked == 0)
                {
                    payoutRuns = MaxPayoutRuns; // leased by another instance: it finishes them
                }
                nextPayout = await NextPayoutAttemptAsync(target, cancellationToken);
            }
            else if (batchSize == 1)
            {
                await RunOneStepAsync(partnerId, carrierMode, due, run, heldBack, advance, cancellationToken);
            }
            else
            {
                var before = new[] { nextClose?.DueAt, payoutDue }.Where(t => t is not null).Min() ?? DateTimeOffset.MaxValue;
                var start = due.Position;
                if (!await RunBatchAsync(partnerId, carrierMode, due, before, batchSize, run, heldBack, advance, cancellationToken))
                {
                    // Another writer changed an order or a stock counter of the batch: nothing of it was written.
                    // The rest runs one step at a time from what is stored, as before batching.
                    due.Rewind(start);
                    batchSize = 1;
                }
            }
        }
        RunAt(target);
        run.TransfersExpired += await transfers.ExpireDueAsync(partners, cancellationToken);
        await RecordAsync(advance, run, heldBack.Values, cancellationToken);
        var pastSla = await db.Disputes.CountAsync(d => d.Status == DisputeStatus.Open && d.SlaDeadline != null && d.SlaDeadline > from && d.SlaDeadline <= target, cancellationToken);
        return run.Outcome(from, target, [.. heldBack.Values], pastSla);
    }

    /// <summary>
    /// Records what <paramref name="advance"/> has run so far: in the caller's transaction when there is one (a batch's),
    /// else in its own. Refused when another instance has taken the advance over (the caller's transaction then rolls back).
    /// </summary>
    private async Task RecordAsync(ClockAdvance? advance, Tally run, IReadOnlyCollection<HeldBackOrder> heldBackOrders, CancellationToken cancellationToken)
    {
        if (advance is null)
        {
            return;
        }
        var ran = JsonSerializer.Serialize(run.Outcome(advance.From, advance.To, [.. heldBackOrders], 0), ClockAdvanceRunner.OutcomeJson);
        var heldBack = heldBackOrders.Count;
        var done = run.Confirmed + run.Shipped + run.Delivered;
        var own = db.Database.CurrentTransaction is null ? await db.BeginUnitOfWorkAsync(cancellationToken) : null;
        await using (own)
        {
            if (await db.ClockAdvances.Where(a => a.Id == advance.Id && a.LeaseOwner == advance.LeaseOwner && a.Status == ClockAdvanceStatus.Advancing)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.RanSoFar, ran).SetProperty(a => a.OrderStepsDone, done).SetProperty(a => a.OrdersHeldBack, heldBack),
                        cancellationToken) == 0)
            {
                throw new ClockAdvanceTakenOver(advance.Id);
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }

    // Steps a window reads (DueSteps), in batches: fewer reads of the open orders, and still a few batches' worth of memory.
    private const int StepsReadAtOnce = 4;

    /// <summary>
    /// One order step in its own transaction, through <see cref="OrderBook.MoveOnScheduleAsync"/>, recorded for
    /// <paramref name="advance"/> in the same transaction: an advance stopped between a step and its record would be
    /// taken over without counting that step.
    /// </summary>
    private async Task RunOneStepAsync(string partnerId, SimulatorMode carrierMode, DueSteps due, Tally run, Dictionary<string, HeldBackOrder> heldBack,
        ClockAdvance? advance, CancellationToken cancellationToken)
    {
        var step = due.Dequeue();
        var from = step.From;
        RunAt(step.DueAt);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == step.OrderId, cancellationToken);
        var reason = await HoldBackBeforeMoveAsync(partnerId, carrierMode, from, order, cancellationToken);
        Order? moved = null;
        await using (var transaction = await db.BeginUnitOfWorkAsync(cancellationToken))
        {
            if (reason is null)
            {
                try
                {
                    // From the status the step was queued at: an order another writer moved meanwhile is refused, not moved on from where it is now.
                    moved = await orders.MoveOnScheduleAsync(order.Id, from, NextStatus(from), Actor, ShipmentOf(from), cancellationToken);
                }
                catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.Unprocessable)
                {
                    reason = $"{e.Code}: {e.Message}";
                }
            }
            if (reason is null)
            {
                run.Count(moved!.Status);
            }
            else
            {
                heldBack[order.Id] = new HeldBackOrder(order.Id, from, reason);
            }
            await RecordAsync(advance, run, heldBack.Values, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // The moved order is tracked; nothing else needs it, and a growing tracker makes every later save slower.
        db.ChangeTracker.Clear();
        if (moved is not null)
        {
            due.Enqueue(moved);
        }
    }

    /// <summary>
    /// Order steps due before <paramref name="before"/>, at most <paramref name="batchSize"/>, in one transaction.
    /// The carrier is asked about several parcels at once; each delivery keeps its place among the steps.
    /// False when another writer got in the way: nothing was written, and the steps are to be read again from where the batch began.
    /// </summary>
    private async Task<bool> RunBatchAsync(string partnerId, SimulatorMode carrierMode, DueSteps due, DateTimeOffset before, int batchSize, Tally run,
        Dictionary<string, HeldBackOrder> heldBack, ClockAdvance? advance, CancellationToken cancellationToken)
    {
        var loaded = await OrdersOfNextStepsAsync(due, before, batchSize, cancellationToken);
        if (loaded is null)
        {
            return false;
        }
        await using var batch = await orders.BeginScheduleBatchAsync(Actor, cancellationToken);
        using var carrierCalls = new SemaphoreSlim(CarrierCallsAtOnce);
        while (batch.Count < batchSize && due.TryPeek(out var step) && step.DueAt < before)
        {
            due.Dequeue();
            // Read for this batch, or moved by it already (a step it queued again).
            var order = loaded[step.OrderId];
            var next = NextStatus(order.Status);
            if (order.Status == OrderStatus.AwaitingPayment && SandboxActions.PrepaymentFails(order))
            {
                batch.HoldBack(order, next, step.DueAt, PrepaymentFailed);
            }
            else if (order.Status == OrderStatus.Shipped)
            {
                batch.MoveWhen(order, next, step.DueAt, CarrierHoldsBackAsync(partnerId, carrierMode, order, carrierCalls, cancellationToken));
            }
            else if (await batch.MoveAsync(order, next, step.DueAt, ShipmentOf(order.Status), cancellationToken) is null)
            {
                due.Enqueue(order);
            }
        }
        // Written with the batch: what the advance has run, this batch included (its outcomes are known once its carrier calls are in).
        if (!await batch.CommitAsync(token => RecordAsync(advance, run.With(batch.Outcomes), HeldBackWith(heldBack, batch), token), cancellationToken))
        {
            return false;
        }
        // The batch's carrier calls are logged in the background. Waiting for them only when the writer lags by more than a
        // few batches keeps that queue bounded (a long advance must not hold a row per delivery in memory) without making
        // every batch wait for the log: on SQLite the writer cannot write while a batch holds the database.
        if (callLog.Pending > CallLogLag * batchSize)
        {
            await callLog.WrittenAsync(cancellationToken);
        }
        foreach (var (order, from, to, reason) in batch.Outcomes)
        {
            if (reason is null)
            {
                run.Count(to);
            }
            else
            {
                heldBack[order.Id] = new HeldBackOrder(order.Id, from, reason);
            }
        }
        return true;

        static IReadOnlyCollection<HeldBackOrder> HeldBackWith(Dictionary<string, HeldBackOrder> heldBack, ScheduleBatch batch) =>
            [.. heldBack.Values.Concat(batch.Outcomes.Where(o => o.HeldBack is not null).Select(o => new HeldBackOrder(o.Order.Id, o.From, o.HeldBack!)))
                .DistinctBy(order => order.OrderId)];
    }

    /// <summary>
    /// The orders of the next <paramref name="batchSize"/> steps due before <paramref name="before"/>, read in one query:
    /// every order a batch of that many steps can reach (a step the batch queues again is of an order it moved). Null when
    /// one of them is no longer where its step was queued from (another writer moved it): the batch is to be run again from what is stored.
    /// </summary>
    private async Task<Dictionary<string, Order>?> OrdersOfNextStepsAsync(DueSteps due, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var next = due.Upcoming.TakeWhile(s => s.DueAt < before).Take(batchSize).ToList();
        var ids = next.Select(s => s.OrderId).ToList();
        var loaded = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return next.All(s => loaded.TryGetValue(s.OrderId, out var order) && order.Status == s.From) ? loaded : null;
    }

    // Deliveries ask the simulated carrier one HTTP call each; a few at a time keeps the batch from waiting on each in turn.
    private const int CarrierCallsAtOnce = 8;

    private async Task<string?> CarrierHoldsBackAsync(string partnerId, SimulatorMode carrierMode, Order order, SemaphoreSlim calls, CancellationToken cancellationToken)
    {
        await calls.WaitAsync(cancellationToken);
        try
        {
            return await carrier.IsDeliveredAsync(partnerId, carrierMode, order.TrackingNumber ?? TrackingNumberOf(order), cancellationToken) ? null : CarrierNotDelivered;
        }
        finally
        {
            calls.Release();
        }
    }

    private static readonly string PrepaymentFailed =
        $"failed_prepayment: references starting {SandboxScenarios.FailPaymentReferencePrefix} never receive their prepayment";

    private const string CarrierNotDelivered = "carrier: the simulated carrier's tracking did not report the parcel delivered";

    private const string Actor = "sandbox-clock";

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

    private static OrderStatus NextStatus(OrderStatus status) => status switch
    {
        OrderStatus.Pending or OrderStatus.AwaitingPayment => OrderStatus.Confirmed,
        OrderStatus.Confirmed => OrderStatus.Shipped,
        _ => OrderStatus.Delivered,
    };

    private Action<Order>? ShipmentOf(OrderStatus from) =>
        from == OrderStatus.Confirmed ? o => o.RecordShipment(options.Value.Orders.Carrier, TrackingNumberOf(o)) : null;

    /// <summary>Why the order cannot take its next step whatever the stock says (a scenario, or the carrier), or null.</summary>
    private async Task<string?> HoldBackBeforeMoveAsync(string partnerId, SimulatorMode carrierMode, OrderStatus from, Order order, CancellationToken cancellationToken)
    {
        if (from == OrderStatus.AwaitingPayment && SandboxActions.PrepaymentFails(order))
        {
            return PrepaymentFailed;
        }
        if (from == OrderStatus.Shipped
            && !await carrier.IsDeliveredAsync(partnerId, carrierMode, order.TrackingNumber ?? TrackingNumberOf(order), cancellationToken))
        {
            return CarrierNotDelivered;
        }
        return null;
    }

    private sealed class Tally
    {
        /// <summary>Counting on from what an advance recorded before it was taken over, or from nothing.</summary>
        public static IReadOnlyList<HeldBackOrder> HeldBackFrom(string? ranSoFar) =>
            ranSoFar is not null && JsonSerializer.Deserialize<AdvanceOutcome>(ranSoFar, ClockAdvanceRunner.OutcomeJson) is { } ran ? ran.OrdersHeldBack : [];

        public static Tally From(string? ranSoFar)
        {
            var tally = new Tally();
            if (ranSoFar is not null && JsonSerializer.Deserialize<AdvanceOutcome>(ranSoFar, ClockAdvanceRunner.OutcomeJson) is { } ran)
            {
                (tally.Confirmed, tally.Shipped, tally.Delivered, tally.TransfersExpired, tally.PayoutsAttempted) =
                    (ran.OrdersConfirmed, ran.OrdersShipped, ran.OrdersDelivered, ran.TransfersExpired, ran.PayoutsAttempted);
                tally.MonthsClosed.AddRange(ran.MonthsClosed);
            }
            return tally;
        }

        /// <summary>A copy that also counts <paramref name="moves"/>.</summary>
        public Tally With(IEnumerable<(Order Order, OrderStatus From, OrderStatus To, string? HeldBack)> moves)
        {
            var tally = new Tally
            {
                Confirmed = Confirmed, Shipped = Shipped, Delivered = Delivered, TransfersExpired = TransfersExpired, PayoutsAttempted = PayoutsAttempted,
            };
            tally.MonthsClosed.AddRange(MonthsClosed);
            foreach (var move in moves.Where(m => m.HeldBack is null))
            {
                tally.Count(move.To);
            }
            return tally;
        }

        public AdvanceOutcome Outcome(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<HeldBackOrder> heldBack, int disputesPastSla) =>
            new(from, to, Confirmed, Shipped, Delivered, heldBack, TransfersExpired, [.. MonthsClosed], PayoutsAttempted, disputesPastSla);

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
