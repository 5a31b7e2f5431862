using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Integration.Core.Common;
using Integration.Core.Customers;
using Integration.Core.Disputes;
using Integration.Core.Insights;
using Integration.Core.Inventory;
using Integration.Core.Orders;
using Integration.Core.Outlets;
using Integration.Core.Ratings;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Sandbox.Worlds;

/// <summary>
/// The business rows of a partner's sandbox (its own and its seeded peers', sandbox environment
/// only): orders and their history, the sales aggregates of the insights, locations and stock, transfers, statements, ledger postings,
/// subsidies, payouts, disputes, outlets with their activity reports, promotion events, daily stock snapshots, grades,
/// rating proposals, and the sandbox's own pool of brand stock. Captured as JSON for a snapshot, cleared for a reset,
/// and written back for a restore. The event log and webhook subscriptions are not part of it: the event log only
/// grows, so consumers' positions stay valid across resets. Customers are cleared by a reset but never captured: a
/// snapshot holds no personal data, so that an erasure stays final.
/// </summary>
public sealed class SandboxWorldRows(IntegrationDbContext db)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WritePrivateSetters, LeaveOutCustomersOwnIds } },
    };

    public async Task<string> CaptureAsync(IReadOnlyCollection<string> partners, CancellationToken cancellationToken)
    {
        var rows = new Rows
        {
            Orders = await Owned<Order>(partners).ToListAsync(cancellationToken),
            OrderEvents = await Owned<OrderEvent>(partners).ToListAsync(cancellationToken),
            Locations = await Owned<Location>(partners).ToListAsync(cancellationToken),
            StockLevels = await Owned<StockLevel>(partners).ToListAsync(cancellationToken),
            Transfers = await TransfersOf(partners).AsNoTracking().ToListAsync(cancellationToken),
            Statements = await Owned<Statement>(partners).ToListAsync(cancellationToken),
            LedgerEntries = await LedgerOf(partners).AsNoTracking().ToListAsync(cancellationToken),
            Subsidies = await Owned<ActivitySubsidy>(partners).ToListAsync(cancellationToken),
            Payouts = await Owned<Payout>(partners).ToListAsync(cancellationToken),
            Disputes = await Owned<Dispute>(partners).ToListAsync(cancellationToken),
            BrandStock = await BrandPoolsOf(partners).AsNoTracking().ToListAsync(cancellationToken),
            SalesDays = await Owned<SalesDay>(partners).ToListAsync(cancellationToken),
            SkuSalesDays = await Owned<SkuSalesDay>(partners).ToListAsync(cancellationToken),
            CustomerDays = await Owned<CustomerDay>(partners).ToListAsync(cancellationToken),
            Outlets = await Owned<Outlet>(partners).ToListAsync(cancellationToken),
            OutletDays = await Owned<OutletDay>(partners).ToListAsync(cancellationToken),
            PromotionEvents = await Owned<PromotionEvent>(partners).ToListAsync(cancellationToken),
            StockSnapshots = await Owned<StockSnapshot>(partners).ToListAsync(cancellationToken),
            Grades = await Owned<PerformanceGrade>(partners).ToListAsync(cancellationToken),
            RatingProposals = await Owned<RatingProposal>(partners).ToListAsync(cancellationToken),
            SalesMonths = await Owned<SalesMonth>(partners).ToListAsync(cancellationToken),
        };
        return JsonSerializer.Serialize(rows, Json);
    }

    /// <summary>Deletes the sandbox's rows, and its idempotency keys and stock imports; the caller owns the transaction.</summary>
    public async Task ClearAsync(IReadOnlyCollection<string> partners, CancellationToken cancellationToken)
    {
        var imports = Visible<StockImport>(partners).Select(i => i.Id);
        await db.StockImportChunks.Where(c => imports.Contains(c.ImportId)).ExecuteDeleteAsync(cancellationToken);
        await Visible<StockImport>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Core.Idempotency.IdempotencyRecord>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Payout>(partners).ExecuteDeleteAsync(cancellationToken);
        await LedgerOf(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Statement>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<ActivitySubsidy>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Dispute>(partners).ExecuteDeleteAsync(cancellationToken);
        await TransfersOf(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<StockLevel>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Location>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<SalesDay>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<SkuSalesDay>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<CustomerDay>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<OutletDay>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<PromotionEvent>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Outlet>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<StockSnapshot>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<PerformanceGrade>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<RatingProposal>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<SalesMonth>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<OrderEvent>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Order>(partners).ExecuteDeleteAsync(cancellationToken);
        await BrandPoolsOf(partners).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds captured rows back; the caller saves them in its transaction.</summary>
    public void Restore(string captured)
    {
        var rows = JsonSerializer.Deserialize<Rows>(captured, Json) ?? throw new InvalidDataException("A sandbox snapshot holds no rows.");
        db.AddRange(rows.Orders);
        db.AddRange(rows.OrderEvents);
        db.AddRange(rows.Locations);
        db.AddRange(rows.StockLevels);
        db.AddRange(rows.Transfers);
        db.AddRange(rows.Statements);
        db.AddRange(rows.LedgerEntries);
        db.AddRange(rows.Subsidies);
        db.AddRange(rows.Payouts);
        db.AddRange(rows.Disputes);
        db.AddRange(rows.BrandStock);
        db.AddRange(rows.SalesDays);
        db.AddRange(rows.SkuSalesDays);
        db.AddRange(rows.CustomerDays);
        db.AddRange(rows.Outlets);
        db.AddRange(rows.OutletDays);
        db.AddRange(rows.PromotionEvents);
        db.AddRange(rows.StockSnapshots);
        db.AddRange(rows.Grades);
        db.AddRange(rows.RatingProposals);
        db.AddRange(rows.SalesMonths ?? MonthsOf(rows.SalesDays));
    }

    /// <summary>After a restore: the restored orders name their customers by the partner's id again, where the customer still has one.</summary>
    public Task RelinkCustomersAsync(IReadOnlyCollection<string> partners, CancellationToken cancellationToken) =>
        Visible<Order>(partners).Where(o => o.CustomerId != null).ExecuteUpdateAsync(set => set.SetProperty(o => o.CustomerExternalId,
            o => db.Customers.IgnoreQueryFilters().Where(c => c.Id == o.CustomerId).Select(c => c.ExternalId).FirstOrDefault()), cancellationToken);

    /// <summary>Deletes the sandbox's customers and their consents (a reset's, not a restore's: snapshots do not hold them).</summary>
    public async Task ClearCustomersAsync(IReadOnlyCollection<string> partners, CancellationToken cancellationToken)
    {
        await Visible<CustomerConsent>(partners).ExecuteDeleteAsync(cancellationToken);
        await Visible<Customer>(partners).ExecuteDeleteAsync(cancellationToken);
    }

    // Snapshots taken before the monthly roll-up existed hold only the day rows: roll them up as the writers would have.
    private static IEnumerable<SalesMonth> MonthsOf(IEnumerable<SalesDay> days) =>
        days.GroupBy(d => (d.PartnerId, d.Environment, Month: SalesMonth.MonthOf(d.Day))).Select(g => new SalesMonth
        {
            PartnerId = g.Key.PartnerId, Environment = g.Key.Environment, Month = g.Key.Month,
            Delivered = g.Sum(d => d.Delivered), DeliveredOrders = g.Sum(d => d.DeliveredOrders),
            Returned = g.Sum(d => d.Returned), ReturnedOrders = g.Sum(d => d.ReturnedOrders),
        });

    private IQueryable<T> Visible<T>(IReadOnlyCollection<string> partners) where T : class, IPartnerOwned =>
        db.Set<T>().IgnoreQueryFilters().Where(row => partners.Contains(row.PartnerId) && row.Environment == ApiEnvironment.Sandbox);

    private IQueryable<T> Owned<T>(IReadOnlyCollection<string> partners) where T : class, IPartnerOwned => Visible<T>(partners).AsNoTracking();

    private IQueryable<Transfer> TransfersOf(IReadOnlyCollection<string> partners) =>
        db.Transfers.Where(t => t.Environment == ApiEnvironment.Sandbox && (partners.Contains(t.RequesterPartnerId) || partners.Contains(t.OwnerPartnerId)));

    private IQueryable<BrandStock> BrandPoolsOf(IReadOnlyCollection<string> partners) =>
        db.BrandStock.Where(s => s.Environment == ApiEnvironment.Sandbox && partners.Contains(s.Pool));

    private IQueryable<LedgerEntry> LedgerOf(IReadOnlyCollection<string> partners) =>
        db.LedgerEntries.Where(e => e.Environment == ApiEnvironment.Sandbox && partners.Contains(e.PartnerId));

    // An order's customer is kept by the internal id only: the partner's own id for the customer (it may be a phone
    // number) is looked up again after a restore, so that a customer erased since the snapshot stays erased.
    private static void LeaveOutCustomersOwnIds(JsonTypeInfo type)
    {
        if (type.Type == typeof(Order) && type.Properties.FirstOrDefault(p => p.Name == nameof(Order.CustomerExternalId)) is { } property)
        {
            type.Properties.Remove(property);
        }
    }

    // Entities keep their state changes behind private setters (Order.Status); a snapshot must restore them as they were.
    private static void WritePrivateSetters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in type.Properties.Where(p => p.Set is null))
        {
            if (property.AttributeProvider is PropertyInfo { } info && info.GetSetMethod(nonPublic: true) is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
        }
    }

    private sealed class Rows
    {
        public List<Order> Orders { get; init; } = [];
        public List<OrderEvent> OrderEvents { get; init; } = [];
        public List<SalesDay> SalesDays { get; init; } = [];
        public List<SkuSalesDay> SkuSalesDays { get; init; } = [];
        public List<CustomerDay> CustomerDays { get; init; } = [];

        /// <summary>Null in snapshots taken before the monthly roll-up existed.</summary>
        public List<SalesMonth>? SalesMonths { get; init; }
        public List<Location> Locations { get; init; } = [];
        public List<StockLevel> StockLevels { get; init; } = [];
        public List<Transfer> Transfers { get; init; } = [];
        public List<Statement> Statements { get; init; } = [];
        public List<LedgerEntry> LedgerEntries { get; init; } = [];
        public List<ActivitySubsidy> Subsidies { get; init; } = [];
        public List<Payout> Payouts { get; init; } = [];
        public List<Dispute> Disputes { get; init; } = [];
        public List<BrandStock> BrandStock { get; init; } = [];
        public List<Outlet> Outlets { get; init; } = [];
        public List<OutletDay> OutletDays { get; init; } = [];
        public List<PromotionEvent> PromotionEvents { get; init; } = [];
        public List<StockSnapshot> StockSnapshots { get; init; } = [];
        public List<PerformanceGrade> Grades { get; init; } = [];
        public List<RatingProposal> RatingProposals { get; init; } = [];
    }
}
