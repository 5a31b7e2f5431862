using Integration.Application.Events;
using Integration.Application.Insights;
using Integration.Application.Inventory;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Insights;
using Integration.Core.Inventory;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Orders;

/// <summary>
/// Many schedule moves in one transaction, with the rules and records of <see cref="OrderBook.MoveOnScheduleAsync"/>
/// one move at a time: confirming reserves brand stock (a move the stock refuses is held back and reserves nothing),
/// shipping consumes it, and each move writes its history entry and its event, numbered in the order of the moves.
/// The moves are applied in memory, nothing is tracked; <see cref="CommitAsync"/> writes them set-based: one
/// guarded update of the orders (each at the version read), one guarded update per stock counter touched, one
/// insert of the history and one of the events, then the commit through the unit of work (which numbers the events).
/// </summary>
public sealed class ScheduleBatch : IAsyncDisposable
{
    private readonly IntegrationDbContext _db;
    private readonly EventLog _events;
    private readonly SalesAggregateWriter _sales;
    private readonly UnitOfWork _transaction;
    private readonly string _actor;
    // Each order once, with the version it had when read; in the order first moved.
    private readonly Dictionary<Order, int> _versionsRead = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(ApiEnvironment Environment, string PartnerId, string Sku), string> _pools = [];
    private readonly Dictionary<(ApiEnvironment Environment, string Sku, string Pool), Counter?> _counters = [];
    private readonly List<Step> _steps = [];
    private bool _stale;

    private ScheduleBatch(IntegrationDbContext db, EventLog events, SalesAggregateWriter sales, UnitOfWork transaction, string actor)
    {
        (_db, _events, _sales, _transaction, _actor) = (db, events, sales, transaction, actor);
    }

    internal static async Task<ScheduleBatch> BeginAsync(IntegrationDbContext db, EventLog events, SalesAggregateWriter sales, string actor, CancellationToken cancellationToken) =>
        new(db, events, sales, await db.BeginUnitOfWorkAsync(cancellationToken), actor);

    /// <summary>
    /// Moves <paramref name="order"/> (as last read or moved in this batch) to <paramref name="target"/> at
    /// <paramref name="now"/>: null when it moved, or the problem that holds it back (<c>insufficient_stock: …</c>).
    /// </summary>
    public async Task<string?> MoveAsync(Order order, OrderStatus target, DateTimeOffset now, Action<Order>? beforeSave, CancellationToken cancellationToken)
    {
        var lines = order.Lines.Select(l => (l.Sku, l.Quantity)).ToList();
        try
        {
            if (target == OrderStatus.Confirmed)
            {
                await ReserveAsync(order, lines, now, cancellationToken);
            }
            else if (target == OrderStatus.Shipped && !await ConsumeAsync(order, lines, now, cancellationToken))
            {
                // Less reserved than this order holds: another writer moved it (or its stock) since it was read.
                _stale = true;
            }
        }
        catch (DomainException e)
        {
            var refused = $"{e.Code}: {e.Message}";
            HoldBack(order, target, now, refused);
            return refused;
        }
        var step = new Step(order, order.Status, target, now, null);
        Apply(step, beforeSave);
        _steps.Add(step);
        return null;
    }

    /// <summary>
    /// A last move of an order (one that moves no stock) that waits on <paramref name="holdBack"/>: the problem that
    /// holds it back, or null. It keeps its place among the moves; its outcome is in <see cref="Outcomes"/> after the commit.
    /// </summary>
    public void MoveWhen(Order order, OrderStatus target, DateTimeOffset now, Task<string?> holdBack) =>
        _steps.Add(new Step(order, order.Status, target, now, holdBack));

    /// <summary>A move the caller found cannot be made (a scenario, say): it keeps its place among the outcomes.</summary>
    public void HoldBack(Order order, OrderStatus target, DateTimeOffset now, string reason) =>
        _steps.Add(new Step(order, order.Status, target, now, null) { HeldBack = reason });

    /// <summary>Moves made, held back, or waiting so far.</summary>
    public int Count => _steps.Count;

    /// <summary>Every move in order: the order, the status it was in and was to reach, and what held it back (null when it moved).</summary>
    public IEnumerable<(Order Order, OrderStatus From, OrderStatus To, string? HeldBack)> Outcomes => _steps.Select(s => (s.Order, s.From, s.Target, s.HeldBack));

    /// <summary>
    /// Writes and commits the batch. False when another writer changed one of its orders or stock counters
    /// meanwhile: nothing was written, and the moves are to be made again from what is stored.
    /// <paramref name="alsoWrite"/>, when given, writes in the same transaction once <see cref="Outcomes"/> are final.
    /// </summary>
    public async Task<bool> CommitAsync(Func<CancellationToken, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        if (_stale)
        {
            return false;
        }
        foreach (var step in _steps.Where(s => s.Waiting is not null))
        {
            step.HeldBack = await step.Waiting!;
            if (step.HeldBack is null)
            {
                Apply(step, beforeSave: null);
            }
        }
        foreach (var ((environment, sku, pool), counter) in _counters.Where(c => c.Value is { Changed: true }))
        {
            var (reserved, consumed, updatedAt) = (counter!.ReservedChange, counter.OnHandChange, counter.UpdatedAt);
            // The counters as read, moved on by what this batch did; a writer in between that left too little makes it 0 rows.
            var written = await _db.BrandStock
                .Where(s => s.Sku == sku && s.Environment == environment && s.Pool == pool
                    && s.Reserved + reserved >= 0 && s.OnHand + consumed - (s.Reserved + reserved) >= 0)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Reserved, x => x.Reserved + reserved)
                    .SetProperty(x => x.OnHand, x => x.OnHand + consumed)
                    .SetProperty(x => x.UpdatedAt, updatedAt), cancellationToken);
            if (written == 0)
            {
                return false;
            }
        }
        var moved = _steps.Where(s => s.HeldBack is null).ToList();
        var orders = _versionsRead.Keys.ToList();
        if (await _db.UpdateOrderMovesAsync(orders, o => _versionsRead[o], cancellationToken) != orders.Count)
        {
            return false;
        }
        await _sales.AddAsync(moved.Select(s => SalesMove.For(s.Order, s.Target, s.Now)), cancellationToken);
        if (alsoWrite is not null)
        {
            await alsoWrite(cancellationToken);
        }
        await _db.InsertOrderEventsAsync([.. moved.Select(s => s.History!)], cancellationToken);
        _db.AddPreparedEvents([.. moved.Select(s => _events.Prepare(s.Order.PartnerId, s.Order.Environment, EventTypes.OrderStatusChanged, s.Order.Id, s.Payload!, s.Now))]);
        await _transaction.CommitAsync(cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    // The move itself, and what it records, taken as the order is right after it.
    private void Apply(Step step, Action<Order>? beforeSave)
    {
        _versionsRead.TryAdd(step.Order, step.Order.Version);
        var from = step.Order.MoveTo(step.Target, step.Now);
        beforeSave?.Invoke(step.Order);
        step.History = OrderBook.HistoryOf(step.Order, EventTypes.OrderStatusChanged, from, _actor, step.Now);
        step.Payload = OrderBook.PayloadOf(step.Order, from);
    }

    private sealed class Step(Order order, OrderStatus from, OrderStatus target, DateTimeOffset now, Task<string?>? waiting)
    {
        public Order Order => order;
        public OrderStatus From => from;
        public OrderStatus Target => target;
        public DateTimeOffset Now => now;
        public Task<string?>? Waiting => waiting;
        public string? HeldBack { get; set; }
        public OrderEvent? History { get; set; }
        public object? Payload { get; set; }
    }

    private async Task ReserveAsync(Order order, List<(string Sku, int Quantity)> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = new List<(Counter Counter, int Quantity, DateTimeOffset UpdatedAt)>();
        foreach (var (sku, quantity) in lines)
        {
            var counter = await CounterAsync(order, sku, cancellationToken);
            if (counter is null || counter.Available < quantity)
            {
                // As one move would: its transaction rolls back, and nothing of the order is reserved.
                foreach (var (undone, undoneQuantity, updatedAt) in Enumerable.Reverse(done))
                {
                    undone.Undo(undoneQuantity, updatedAt);
                }
                throw BrandStockLedger.InsufficientStock(sku, quantity, counter?.Available ?? 0);
            }
            done.Add((counter, quantity, counter.UpdatedAt));
            counter.Reserve(quantity, now);
        }
    }

    private async Task<bool> ConsumeAsync(Order order, List<(string Sku, int Quantity)> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (sku, quantity) in lines)
        {
            var counter = await CounterAsync(order, sku, cancellationToken);
            if (counter is null || counter.Reserved < quantity)
            {
                return false;
            }
            counter.Consume(quantity, now);
        }
        return true;
    }

    // Read once per batch and SKU: the pool the partner draws it from, and its counters.
    private async Task<Counter?> CounterAsync(Order order, string sku, CancellationToken cancellationToken)
    {
        var environment = order.Environment;
        if (!_pools.TryGetValue((environment, order.PartnerId, sku), out var pool))
        {
            pool = await BrandStockLedger.PoolAsync(_db, environment, order.PartnerId, sku, cancellationToken);
            _pools[(environment, order.PartnerId, sku)] = pool;
        }
        if (!_counters.TryGetValue((environment, sku, pool), out var counter))
        {
            var stored = await _db.BrandStock.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == sku && s.Environment == environment && s.Pool == pool, cancellationToken);
            counter = stored is null ? null : new Counter(stored);
            _counters[(environment, sku, pool)] = counter;
        }
        return counter;
    }

    /// <summary>A brand stock counter as read, and what this batch changed.</summary>
    private sealed class Counter(BrandStock stored)
    {
        public int ReservedChange { get; private set; }
        public int OnHandChange { get; private set; }
        public DateTimeOffset UpdatedAt { get; private set; } = stored.UpdatedAt;
        public bool Changed { get; private set; }
        public int Reserved => stored.Reserved + ReservedChange;
        public int Available => stored.OnHand + OnHandChange - Reserved;

        public void Reserve(int quantity, DateTimeOffset now) => Apply(quantity, 0, now);

        public void Consume(int quantity, DateTimeOffset now) => Apply(-quantity, -quantity, now);

        public void Undo(int reserved, DateTimeOffset updatedAt)
        {
            ReservedChange -= reserved;
            UpdatedAt = updatedAt;
        }

        private void Apply(int reserved, int onHand, DateTimeOffset now)
        {
            ReservedChange += reserved;
            OnHandChange += onHand;
            UpdatedAt = now;
            Changed = true;
        }
    }
}
