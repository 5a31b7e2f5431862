using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Application.Hosting;
using Integration.Application.Insights;
using Integration.Application.Inventory;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Application.Partners;
using Integration.Application.Environments;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Insights;
using Integration.Core.Orders;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Orders;

/// <summary>
/// Places, reads and moves orders. Every change writes its order event and outbox message in the
/// same transaction; stock moves with the status (confirm reserves, ship consumes, cancel releases).
/// Partner reads go through the database's tenancy filter, so another partner's order is simply absent.
/// </summary>
public sealed class OrderBook(IntegrationDbContext db, BrandStockLedger stock, AuditLog audit, EventLog events, GroupCommit committer, BusinessClock clock, EnvironmentClocks clocks, SalesAggregateWriter sales)
{
    public const string BrandActor = "brand";

    // The reads of every order placement, compiled: EF's own query preparation cost more than the queries.
    // One round trip for the partner and whether an open level-3 dispute freezes it here (tenancy-filtered).
    // The partner's standing and the ordered products in one round trip instead of two (measured in docs/benchmarks.md):
    // a row per product found, or one row without a product. A LEFT JOIN rather than a nested collection, which would
    // need APPLY, which SQLite lacks.
    // Whether the reference is taken is read here too: an INSERT the unique index refuses is an ERROR line in
    // PostgreSQL's log for what is only a partner's repeated reference. The index still decides a race.
    private static readonly Func<IntegrationDbContext, string, List<string>, string, IAsyncEnumerable<StandingRow>> ReadStanding =
        EF.CompileAsyncQuery((IntegrationDbContext db, string partnerId, List<string> skus, string reference) =>
            from partner in db.Partners.AsNoTracking()
            where partner.Id == partnerId
            from product in db.Products.AsNoTracking().Where(product => skus.Contains(product.Sku)).DefaultIfEmpty()
            select new StandingRow(partner, db.Disputes.Any(d => d.Status == DisputeStatus.Open && d.Level == DisputeLevels.FreezingLevel),
                db.Orders.Any(o => o.Reference == reference), product));

    private sealed record StandingRow(Partner Partner, bool FrozenByDispute, bool ReferenceTaken, Product? Product);

    public async Task<Order> PlaceAsync(Caller caller, CreateOrderRequest request, CancellationToken cancellationToken)
    {
        var skus = request.Lines.Select(l => l.Sku).ToList();
        StandingRow? standing = null;
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        await foreach (var row in ReadStanding(db, caller.PartnerId!, skus, request.Reference).WithCancellation(cancellationToken))
        {
            standing = row;
            if (row.Product is { } product)
            {
                products[product.Sku] = product;
            }
        }
        var partner = standing?.Partner ?? throw new InvalidOperationException($"Partner {caller.PartnerId} of a valid token does not exist.");
        var now = clock.UtcNow();
        TradingStanding.EnsureMayPlaceOrder(partner, standing.FrozenByDispute, DateOnly.FromDateTime(now.UtcDateTime));
        var duplicates = request.Lines.Select((l, i) => (l.Sku, i)).GroupBy(l => l.Sku).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "Each SKU may appear on one line only; add the quantities up.",
                duplicates.ToDictionary(g => $"lines[{g.Last().i}].sku", g => new[] { $"SKU '{g.Key}' is already on line {g.First().i + 1}." }));
        }

        // Sandbox scenario products do not exist for live callers.
        bool Exists(string sku, out Product? product) =>
            products.TryGetValue(sku, out product) && (!product.SandboxOnly || caller.Environment == ApiEnvironment.Sandbox);
        var unknown = request.Lines.Select((l, i) => (l.Sku, i))
            .Where(l => !Exists(l.Sku, out var p) || !p!.Active)
            .ToDictionary(l => $"lines[{l.i}].sku", l => new[] { Exists(l.Sku, out _) ? $"SKU '{l.Sku}' is no longer sold." : $"There is no product with SKU '{l.Sku}'." });
        if (unknown.Count > 0)
        {
            throw new DomainException(ErrorKind.Unprocessable, "unknown_sku", "Some lines name products that cannot be ordered.", unknown);
        }

        var soldBy = await SoldByAsync(request, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var discount = partner.EffectiveDiscount;
        var lines = request.Lines.Select((l, i) => OrderLine.Price(i + 1, l.Sku, products[l.Sku].Name, l.Quantity, products[l.Sku].ListPrice, discount)).ToList();
        var order = Order.Place(Ids.New("ord"), partner.Id, caller.Environment!.Value, request.Reference, prepay: partner.CreditRating == CreditRating.C,
            discount, lines, request.ShipTo?.ToAddress(), now, soldBy);

        if (standing.ReferenceTaken)
        {
            throw DuplicateReference(request.Reference);
        }
        // Committed with other requests' orders (GroupCommit); a duplicate reference sent at the same time is caught by the unique index.
        var actor = $"partner:{caller.ClientId}";
        await db.CommitOrDeferAsync(new GroupedWrites(committer)
            .Add(batch =>
            {
                batch.Orders.Add(order);
                Record(batch, new EventLog(batch), order, EventTypes.OrderCreated, from: null, actor, now);
            })
            .Explain(e => e.IsUniqueViolation("ux_orders_partner_reference", "orders.PartnerId, orders.Environment, orders.Reference")
                ? DuplicateReference(request.Reference)
                : null));
        return order;
    }

    /// <summary>The outlet and customer an order names, which must be the caller's own (and the outlet open on <paramref name="today"/>).</summary>
    private async Task<OrderSoldBy?> SoldByAsync(CreateOrderRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        if (request.OutletId is null && request.CustomerExternalId is null)
        {
            return null;
        }
        if (request.OutletId is { } outletId)
        {
            var outlet = await db.Outlets.AsNoTracking().Where(o => o.Id == outletId).ToListAsync(cancellationToken);
            if (outlet.Count == 0)
            {
                throw new DomainException(ErrorKind.Unprocessable, "unknown_outlet", $"You have no outlet '{outletId}'.",
                    new Dictionary<string, string[]> { ["outletId"] = [$"There is no outlet '{outletId}' of yours in this environment."] });
            }
            if (!outlet[0].IsOpenOn(today))
            {
                throw new DomainException(ErrorKind.Unprocessable, "outlet_closed", $"Outlet '{outletId}' is not open on {today:yyyy-MM-dd}.",
                    new Dictionary<string, string[]> { ["outletId"] = [$"The outlet opened on {outlet[0].OpenedOn:yyyy-MM-dd}{(outlet[0].ClosedOn is { } closed ? $" and closed on {closed:yyyy-MM-dd}" : "")}."] });
            }
        }
        string? customerId = null;
        if (request.CustomerExternalId is { } externalId)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => c.Id).ToListAsync(cancellationToken);
            // The id itself is not echoed: partners sometimes use a phone number as their customer id.
            customerId = customer.Count == 1 ? customer[0] : throw new DomainException(ErrorKind.Unprocessable, "unknown_customer",
                "The order names a customer you have not synced; sync it first with PUT /v1/customers/{externalId}.",
                new Dictionary<string, string[]> { ["customerExternalId"] = ["There is no customer of yours with this id in this environment."] });
        }
        return new OrderSoldBy(request.OutletId, customerId, request.CustomerExternalId);
    }

    // Read as a list on purpose: FirstOrDefault makes EF wrap the order in a LIMIT sub-query before
    // joining its lines, and preparing that larger statement cost SQLite more than running it.
    // A partner's read (the hot one) is a compiled query under the tenancy filter; internal reads see every partner's.
    public async Task<Order> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = db.TenantPartnerId is null
            ? await db.Visible<Order>().AsNoTracking().Where(o => o.Id == id).ToListAsync(cancellationToken)
            : await ReadOwnOrder(db, id).ToListAsync(cancellationToken);
        var order = found.FirstOrDefault() ?? throw DomainException.NotFound("order", id);
        // An internal team reads it as its partner would: on its sandbox clock, and not while that clock advances.
        await clocks.FollowPartnerAsync(clock, db, order.PartnerId, order.Environment, cancellationToken);
        return order;
    }

    private static readonly Func<IntegrationDbContext, string, IAsyncEnumerable<Order>> ReadOwnOrder =
        EF.CompileAsyncQuery((IntegrationDbContext db, string id) => db.Orders.AsNoTracking().Where(o => o.Id == id));

    /// <summary>Newest first, keyset-paged on (created, id), so pages stay stable while orders arrive.</summary>
    public async Task<IReadOnlyList<Order>> ListAsync(OrderFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        await Filtered(db.Visible<Order>().AsNoTracking(), filter, page).Take(page.Limit + 1).ToListAsync(cancellationToken);

    /// <summary>
    /// The internal list: every partner's orders (or one partner's, in one environment or both), newest first, with the
    /// partner list's filters. Summaries only, so that a page does not read every order's lines.
    /// </summary>
    public async Task<IReadOnlyList<AdminOrderSummary>> SearchAsync(
        string? partnerId, ApiEnvironment? environment, OrderFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<Order>().AsNoTracking();
        if (partnerId is not null) query = query.Where(o => o.PartnerId == partnerId);
        if (environment is { } env) query = query.Where(o => o.Environment == env);
        return await Filtered(query, filter, page).Take(page.Limit + 1)
            .Select(o => new AdminOrderSummary(o.Id, o.PartnerId, o.Environment, o.Reference, o.Status, MoneyAmount.Of(o.Total, o.Currency),
                o.Lines.Count, o.OutletId, o.CreatedAt, o.UpdatedAt, o.DeliveredAt))
            .ToListAsync(cancellationToken);
    }

    public static string CursorOf(AdminOrderSummary order) => Cursor.Encode(order.CreatedAt, order.Id);

    private static IQueryable<Order> Filtered(IQueryable<Order> query, OrderFilter filter, PageRequest page)
    {
        if (filter.Status is { } status) query = query.Where(o => o.Status == status);
        if (filter.CreatedFrom is { } from) query = query.Where(o => o.CreatedAt >= from);
        if (filter.CreatedTo is { } to) query = query.Where(o => o.CreatedAt < to);
        if (filter.UpdatedSince is { } since) query = query.Where(o => o.UpdatedAt >= since);
        if (filter.Reference is { } reference) query = query.Where(o => o.Reference == reference);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            // "≤ and then <" rather than a plain OR, so both databases read a range of the (…, CreatedAt, Id) index.
            query = query.Where(o => o.CreatedAt <= createdAt && (o.CreatedAt < createdAt || string.Compare(o.Id, id) < 0));
        }
        return query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id);
    }

    public static string CursorOf(Order order) => Cursor.Encode(order.CreatedAt, order.Id);

    public async Task<IReadOnlyList<OrderEvent>> EventsAsync(string orderId, PageRequest page, CancellationToken cancellationToken)
    {
        if (!await db.Visible<Order>().AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            throw DomainException.NotFound("order", orderId);
        }
        var query = db.Visible<OrderEvent>().AsNoTracking().Where(e => e.OrderId == orderId);
        if (page.Cursor is not null)
        {
            var after = Cursor.DecodePosition(page.Cursor);
            query = query.Where(e => e.OrderVersion > after);
        }
        return await query.OrderBy(e => e.OrderVersion).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(OrderEvent orderEvent) => Cursor.Encode(orderEvent.OrderVersion);

    /// <summary>A partner cancels its own order; <paramref name="checkVersion"/> applies the caller's If-Match.</summary>
    public Task<Order> CancelAsync(string id, Caller caller, Action<int> checkVersion, CancellationToken cancellationToken) =>
        MoveAsync(id, requiredFrom: null, OrderStatus.Cancelled, $"partner:{caller.ClientId}", checkVersion, beforeSave: null, cancellationToken);

    /// <summary>
    /// The sandbox moves an order on its own schedule (its seed, its clock). Recorded in the order's
    /// history and event log like any move, but not in the brand's audit log: no person acted.
    /// </summary>
    public Task<Order> MoveOnScheduleAsync(
        string id, OrderStatus? requiredFrom, OrderStatus target, string actor, Action<Order>? beforeSave, CancellationToken cancellationToken) =>
        MoveAsync(id, requiredFrom, target, actor, checkVersion: null, beforeSave is null ? null : order =>
        {
            beforeSave(order);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Starts moving many orders on the schedule in one transaction, with the rules of <see cref="MoveOnScheduleAsync"/>
    /// (the sandbox clock's batches, see <see cref="ScheduleBatch"/>).
    /// </summary>
    public Task<ScheduleBatch> BeginScheduleBatchAsync(string actor, CancellationToken cancellationToken) =>
        ScheduleBatch.BeginAsync(db, events, sales, actor, cancellationToken);

    /// <summary>An internal team moves an order (confirm, ship, deliver, return, cancel); audited.</summary>
    // requiredFrom narrows the move to one starting status (confirm: pending; record prepayment: awaiting_payment).
    public Task<Order> MoveByBrandAsync(
        string id, OrderStatus? requiredFrom, OrderStatus target, string adminClientId, Action<Order>? beforeSave, object? details, CancellationToken cancellationToken) =>
        MoveAsync(id, requiredFrom, target, BrandActor, checkVersion: null, async order =>
        {
            beforeSave?.Invoke(order);
            await audit.AppendAsync(new AuditRecord(adminClientId, $"order.{SnakeCase.Of(target)}", order.Id, Details: details), cancellationToken);
        }, cancellationToken);

    private async Task<Order> MoveAsync(
        string id, OrderStatus? requiredFrom, OrderStatus target, string actor, Action<int>? checkVersion, Func<Order, Task>? beforeSave, CancellationToken cancellationToken)
    {
        try
        {
            return await TryMoveAsync(id, requiredFrom, target, actor, checkVersion, beforeSave, cancellationToken);
        }
        catch
        {
            // A refused move must not leave its half-applied changes for the unit of work's next save (the sandbox clock moves many orders in one).
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<Order> TryMoveAsync(
        string id, OrderStatus? requiredFrom, OrderStatus target, string actor, Action<int>? checkVersion, Func<Order, Task>? beforeSave, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var order = await db.Visible<Order>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw DomainException.NotFound("order", id);
        checkVersion?.Invoke(order.Version);
        if (requiredFrom is { } required && order.Status != required)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"This action applies to '{SnakeCase.Of(required)}' orders; this one is '{SnakeCase.Of(order.Status)}'.");
        }
        // Claim the order before moving stock: a concurrent move of the same order waits on this row, then finds
        // its version gone, instead of moving the stock a second time.
        if (await db.Visible<Order>().Where(o => o.Id == id && o.Version == order.Version)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Version, o => o.Version), cancellationToken) == 0)
        {
            throw ChangedMeanwhile();
        }
        await clocks.FollowPartnerAsync(clock, db, order.PartnerId, order.Environment, cancellationToken);
        var now = clock.UtcNow();
        var from = order.MoveTo(target, now);
        var lines = order.Lines.Select(l => (l.Sku, l.Quantity)).ToList();
        if (target == OrderStatus.Confirmed)
        {
            await stock.ReserveAsync(order.Environment, order.PartnerId, lines, cancellationToken);
        }
        else if (target == OrderStatus.Shipped)
        {
            await stock.ConsumeAsync(order.Environment, order.PartnerId, lines, cancellationToken);
        }
        else if (target == OrderStatus.Cancelled && OrderStateMachine.HoldsReservation(from))
        {
            await stock.ReleaseAsync(order.Environment, order.PartnerId, lines, cancellationToken);
        }
        if (beforeSave is not null)
        {
            await beforeSave(order);
        }
        await sales.AddAsync([SalesMove.For(order, target, now)], cancellationToken);
        Record(db, events, order, EventTypes.OrderStatusChanged, from, actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    private static DomainException ChangedMeanwhile() =>
        new(ErrorKind.Conflict, "concurrent_update", "The order changed while this request ran. Read it again and retry.");

    private static void Record(IntegrationDbContext db, EventLog events, Order order, string type, OrderStatus? from, string actor, DateTimeOffset now)
    {
        db.OrderEvents.Add(HistoryOf(order, type, from, actor, now));
        events.Append(order.PartnerId, order.Environment, type, order.Id, PayloadOf(order, from), now);
    }

    /// <summary>The order's history entry for a change it has just made.</summary>
    internal static OrderEvent HistoryOf(Order order, string type, OrderStatus? from, string actor, DateTimeOffset now) => new()
    {
        Id = Ids.New("oev"), OrderId = order.Id, OrderVersion = order.Version, PartnerId = order.PartnerId, Environment = order.Environment,
        Type = type, FromStatus = from, ToStatus = order.Status, Actor = actor, OccurredAt = now,
    };

    /// <summary>What the order's event (and its webhook) says about a change it has just made.</summary>
    internal static object PayloadOf(Order order, OrderStatus? from) => new
    {
        orderId = order.Id, reference = order.Reference, version = order.Version,
        from = from is { } f ? SnakeCase.Of(f) : null, to = SnakeCase.Of(order.Status),
        total = Money.Format(order.Total), currency = order.Currency,
    };

    private static DomainException DuplicateReference(string reference) =>
        new(ErrorKind.Conflict, "duplicate_reference", $"You already have an order with reference '{reference}'.");
}
