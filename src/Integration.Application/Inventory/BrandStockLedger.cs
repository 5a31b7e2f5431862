using Integration.Application.Audit;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Inventory;

/// <summary>
/// The brand's stock counters that orders move: confirm reserves, ship consumes, cancel releases.
/// Each move is one conditional UPDATE, so concurrent orders never over-reserve; a caller's
/// transaction undoes every move of a request that fails part-way.
/// </summary>
public sealed class BrandStockLedger(IntegrationDbContext db, AuditLog audit, BusinessClock clock)
{
    /// <summary>
    /// Which pool a partner's order draws a SKU from: the partner's own sandbox pool where its seeded
    /// sandbox has one for the SKU, the shared pool otherwise (always in live).
    /// </summary>
    public static async Task<string> PoolAsync(IntegrationDbContext db, ApiEnvironment environment, string partnerId, string sku, CancellationToken cancellationToken) =>
        environment == ApiEnvironment.Sandbox
        && await db.BrandStock.AnyAsync(s => s.Sku == sku && s.Environment == environment && s.Pool == partnerId, cancellationToken)
            ? partnerId
            : BrandStock.SharedPool;

    public async Task ReserveAsync(ApiEnvironment environment, string partnerId, IEnumerable<(string Sku, int Quantity)> lines, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        foreach (var (sku, quantity) in lines)
        {
            var pool = await PoolAsync(db, environment, partnerId, sku, cancellationToken);
            var moved = await db.BrandStock
                .Where(s => s.Sku == sku && s.Environment == environment && s.Pool == pool && s.OnHand - s.Reserved >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + quantity).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (moved == 0)
            {
                var available = await db.BrandStock.Where(s => s.Sku == sku && s.Environment == environment && s.Pool == pool)
                    .Select(s => (int?)(s.OnHand - s.Reserved)).FirstOrDefaultAsync(cancellationToken) ?? 0;
                throw InsufficientStock(sku, quantity, available);
            }
        }
    }

    internal static DomainException InsufficientStock(string sku, int quantity, int available) =>
        new(ErrorKind.Conflict, "insufficient_stock", $"Not enough brand stock of '{sku}': {quantity} needed, {available} available. Nothing was reserved.");

    public Task ConsumeAsync(ApiEnvironment environment, string partnerId, IEnumerable<(string Sku, int Quantity)> lines, CancellationToken cancellationToken) =>
        MoveReservedAsync(environment, partnerId, lines, consume: true, cancellationToken);

    public Task ReleaseAsync(ApiEnvironment environment, string partnerId, IEnumerable<(string Sku, int Quantity)> lines, CancellationToken cancellationToken) =>
        MoveReservedAsync(environment, partnerId, lines, consume: false, cancellationToken);

    /// <summary>Sets the on-hand count (an internal team's stock take, or a sandbox's seed). It cannot drop below what is reserved.</summary>
    public async Task<BrandStock> SetOnHandAsync(
        ApiEnvironment environment, string sku, int onHand, string actor, CancellationToken cancellationToken, string pool = BrandStock.SharedPool)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var stock = await db.BrandStock.FirstOrDefaultAsync(s => s.Sku == sku && s.Environment == environment && s.Pool == pool, cancellationToken);
        if (stock is null)
        {
            stock = new BrandStock { Sku = sku, Environment = environment, Pool = pool };
            db.BrandStock.Add(stock);
        }
        if (onHand < stock.Reserved)
        {
            throw new DomainException(ErrorKind.Conflict, "below_reserved",
                $"{stock.Reserved} units of '{sku}' are reserved by confirmed orders; on hand cannot go below that.");
        }
        stock.OnHand = onHand;
        stock.UpdatedAt = clock.UtcNow();
        await audit.AppendAsync(new AuditRecord(actor, "brand_stock.set", $"{SnakeCase.Of(environment)}:{sku}", Details: new { onHand }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stock;
    }

    private async Task MoveReservedAsync(
        ApiEnvironment environment, string partnerId, IEnumerable<(string Sku, int Quantity)> lines, bool consume, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        foreach (var (sku, quantity) in lines)
        {
            var onHandChange = consume ? quantity : 0;
            var pool = await PoolAsync(db, environment, partnerId, sku, cancellationToken);
            var moved = await db.BrandStock
                .Where(s => s.Sku == sku && s.Environment == environment && s.Pool == pool && s.Reserved >= quantity)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Reserved, x => x.Reserved - quantity)
                    .SetProperty(x => x.OnHand, x => x.OnHand - onHandChange)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (moved == 0)
            {
                // A reservation that is not there means the counters were changed behind the orders' back.
                throw new InvalidOperationException($"Brand stock of '{sku}' holds less reserved than a confirmed order reserved.");
            }
        }
    }
}
