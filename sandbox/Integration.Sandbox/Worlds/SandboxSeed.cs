using Integration.Application.Inventory;
using Integration.Application.OAuth;
using Integration.Application.Orders;
using Integration.Application.Settlement;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Inventory;
using Integration.Core.Orders;
using Integration.Core.Partners;
using Integration.Core.Sandbox;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Clocks;
using Integration.Sandbox.Hosting;

namespace Integration.Sandbox.Worlds;

/// <summary>
/// What a new or reset sandbox holds (docs/sandbox.md › What your sandbox starts with): the sandbox
/// catalogue and brand stock, a warehouse, two peers nearby sharing their stock with the partner,
/// orders in each state, and last month closed into a paid statement. Orders, the close and the
/// payout go through the real services on the sandbox clock, so they are what the platform makes.
/// </summary>
public sealed class SandboxSeed(
    IntegrationDbContext db, BusinessClock clock, TimeProvider platform, OrderBook orders,
    SettlementDesk desk, PeriodCloser closer, PayoutRunner payouts, IOptions<SettlementOptions> settlement, IOptions<SandboxOptions> options)
{
    public const string Actor = "sandbox-seed";
    private const int BrandStockOnHand = 100_000;

    public static readonly IReadOnlyList<(string Sku, string Name, decimal ListPrice)> Products =
    [
        ("SBX-TEE-BLACK-M", "Sandbox tee, black, M", 149.99m),
        ("SBX-SOCKS-3PK", "Sandbox socks, 3 pairs", 8.59m),
        ("SBX-CAP-NAVY", "Sandbox cap, navy", 59.00m),
        (SandboxScenarios.OutOfStockSku, "Sandbox product that is never in stock", 19.90m),
    ];

    /// <summary>The month the seeded history closes: the latest whose close is due by now.</summary>
    public static SettlementPeriod HistoryMonth(DateTimeOffset now, TimeZoneInfo zone, TimeSpan closeDelay)
    {
        var month = SettlementPeriod.Of(now).Previous;
        return CloseSchedule.DueAt(month, zone, closeDelay) <= now ? month : month.Previous;
    }

    /// <summary>Seeds the partner's sandbox; the database context must be scoped to the partner's sandbox.</summary>
    public async Task PlantAsync(Partner partner, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        await EnsureCatalogAsync(now, cancellationToken);
        await AddBrandStockAsync(partner, now, cancellationToken);
        var peers = await EnsurePeersAsync(partner, now, cancellationToken);
        await AddLocationsAsync(partner, peers, now, cancellationToken);
        if (partner.Status is PartnerStatus.Active or PartnerStatus.Exiting)
        {
            await AddOrderHistoryAsync(partner, now, cancellationToken);
        }
        clock.RunAhead(now - platform.GetUtcNow());
    }

    private async Task EnsureCatalogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skus = Products.Select(p => p.Sku).ToList();
        var existing = await db.Products.Where(p => skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(cancellationToken);
        if (existing.Count < skus.Count)
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            db.Products.AddRange(Products.Where(p => !existing.Contains(p.Sku)).Select(p => new Product
            {
                Sku = p.Sku, Name = p.Name, ListPrice = p.ListPrice, SandboxOnly = true, CreatedAt = now, UpdatedAt = now,
            }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another sandbox was seeded at the same moment and added them.
            }
            db.ChangeTracker.Clear();
        }
    }

    // The scenario products' brand stock is the sandbox's own pool: no other sandbox can use it up, and a snapshot holds it.
    private async Task AddBrandStockAsync(Partner partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.BrandStock.AddRange(Products.Select(p => new BrandStock
        {
            Sku = p.Sku, Environment = ApiEnvironment.Sandbox, Pool = partner.Id,
            OnHand = p.Sku == SandboxScenarios.OutOfStockSku ? 0 : BrandStockOnHand, UpdatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<List<Partner>> EnsurePeersAsync(Partner partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var peers = await db.Partners.AsNoTracking().Where(p => p.SandboxOwnerId == partner.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (peers.Count > 0)
        {
            return peers;
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        peers = new[] { "North", "South" }.Select(side => new Partner
        {
            Id = Ids.New("ptn"), Name = $"Sandbox peer {side} (of {partner.Name})", Tier = PartnerTier.Basic,
            CreditRating = CreditRating.A, CooperationMode = partner.CooperationMode, RegionCode = partner.RegionCode,
            SandboxOwnerId = partner.Id, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Partners.AddRange(peers);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return peers;
    }

    private async Task AddLocationsAsync(Partner partner, List<Partner> peers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var stocked = Products.Where(p => p.Sku != SandboxScenarios.OutOfStockSku).Select(p => p.Sku).ToList();
        Add(partner.Id, $"{partner.Name} sandbox warehouse", SharingPolicy.Nobody, [], onHand: 40);
        foreach (var (peer, index) in peers.Select((p, i) => (p, i)))
        {
            Add(peer.Id, $"{peer.Name} warehouse", SharingPolicy.Named, [partner.Id], onHand: 120 + 60 * index);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        void Add(string owner, string name, SharingPolicy sharing, List<string> sharedWith, int onHand)
        {
            var location = new Location
            {
                Id = Ids.New("loc"), PartnerId = owner, Environment = ApiEnvironment.Sandbox, Name = name, Type = LocationType.Warehouse,
                RegionCode = partner.RegionCode, Sharing = sharing, SharedWith = sharedWith, CreatedAt = now, UpdatedAt = now,
            };
            db.Locations.Add(location);
            db.StockLevels.AddRange(stocked.Select(sku => new StockLevel
            {
                LocationId = location.Id, Sku = sku, PartnerId = owner, Environment = ApiEnvironment.Sandbox, OnHand = onHand, UpdatedAt = now,
            }));
        }
    }

    // Two orders delivered in the history month and a subsidy that outweighs them, closed into a statement whose payout the
    // simulated gateway paid;
    // then one order in each open state this month.
    private async Task AddOrderHistoryAsync(Partner partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = settlement.Value.TimeZone;
        var month = HistoryMonth(now, zone, settlement.Value.CloseDelay);
        var caller = new Caller(Actor, Actor, CredentialKind.Partner, partner.Id, ApiEnvironment.Sandbox, partner.Tier, [.. ApiScopes.PartnerScopes]);
        var step = TimeSpan.FromDays(1);

        var first = await PlaceAsync(caller, "SBX-SEED-001", month.Start.AddDays(2), ("SBX-TEE-BLACK-M", 2), cancellationToken);
        await ProgressAsync(first, OrderStatus.Delivered, step, cancellationToken);
        var second = await PlaceAsync(caller, "SBX-SEED-002", month.Start.AddDays(9), ("SBX-SOCKS-3PK", 10), cancellationToken);
        await ProgressAsync(second, OrderStatus.Delivered, step, cancellationToken);

        SetClock(month.Start.AddDays(14));
        await desk.RecordSubsidyAsync(partner.Id, new RecordSubsidyRequest { Environment = ApiEnvironment.Sandbox, EventName = "Sandbox launch event", Cost = 2_000m }, Actor, cancellationToken);

        var closeAt = CloseSchedule.DueAt(month, zone, settlement.Value.CloseDelay);
        SetClock(closeAt);
        await closer.CloseAsync(ApiEnvironment.Sandbox, month, partner.Id, cancellationToken);
        SetClock(closeAt.AddMinutes(5));
        await payouts.RunForSandboxAsync([partner.Id], clock, cancellationToken);

        var shipped = await PlaceAsync(caller, "SBX-SEED-003", now.AddDays(-3), ("SBX-CAP-NAVY", 3), cancellationToken);
        await ProgressAsync(shipped, OrderStatus.Shipped, step, cancellationToken);
        var confirmed = await PlaceAsync(caller, "SBX-SEED-004", now.AddDays(-2), ("SBX-TEE-BLACK-M", 1), cancellationToken);
        await ProgressAsync(confirmed, OrderStatus.Confirmed, step, cancellationToken);
        var cancelled = await PlaceAsync(caller, "SBX-SEED-005", now.AddDays(-3), ("SBX-SOCKS-3PK", 4), cancellationToken);
        SetClock(now.AddDays(-3).AddHours(1));
        await orders.MoveOnScheduleAsync(cancelled.Id, null, OrderStatus.Cancelled, Actor, null, cancellationToken);
        await PlaceAsync(caller, "SBX-SEED-006", now.AddHours(-1), ("SBX-CAP-NAVY", 1), cancellationToken);
    }

    private async Task<Order> PlaceAsync(Caller caller, string reference, DateTimeOffset at, (string Sku, int Quantity) line, CancellationToken cancellationToken)
    {
        SetClock(at);
        return await orders.PlaceAsync(caller, new CreateOrderRequest
        {
            Reference = reference,
            Lines = [new OrderLineRequest { Sku = line.Sku, Quantity = line.Quantity }],
        }, cancellationToken);
    }

    /// <summary>Moves a new order on, one status a day, as internal teams would.</summary>
    private async Task ProgressAsync(Order order, OrderStatus until, TimeSpan step, CancellationToken cancellationToken)
    {
        var at = order.CreatedAt;
        var status = order.Status;
        while (status != until)
        {
            at += step;
            SetClock(at);
            var moved = status switch
            {
                OrderStatus.Pending => await orders.MoveOnScheduleAsync(order.Id, OrderStatus.Pending, OrderStatus.Confirmed, Actor, null, cancellationToken),
                OrderStatus.AwaitingPayment => await orders.MoveOnScheduleAsync(order.Id, OrderStatus.AwaitingPayment, OrderStatus.Confirmed, Actor, null, cancellationToken),
                OrderStatus.Confirmed => await orders.MoveOnScheduleAsync(order.Id, null, OrderStatus.Shipped, Actor,
                    o => o.RecordShipment(options.Value.Orders.Carrier, SandboxTimeMachine.TrackingNumberOf(o)), cancellationToken),
                _ => await orders.MoveOnScheduleAsync(order.Id, null, OrderStatus.Delivered, Actor, null, cancellationToken),
            };
            status = moved.Status;
        }
    }

    private void SetClock(DateTimeOffset at) => clock.RunAhead(at - platform.GetUtcNow());
}
