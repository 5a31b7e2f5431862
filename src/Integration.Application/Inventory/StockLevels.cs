using Integration.Application.Observability;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Inventory;

/// <summary>
/// A location's stock levels. Every change is one conditional statement, so concurrent writers never lose an
/// update and available never goes negative, and its change-feed event commits with it.
/// </summary>
public sealed class StockLevels(IntegrationDbContext db, PartnerLocations locations, StockChangeFeed feed, BusinessClock clock, PlatformMetrics metrics)
{
    public async Task<StockLevel> GetStockAsync(string locationId, string sku, CancellationToken cancellationToken)
    {
        await locations.GetLocationAsync(locationId, cancellationToken);
        return await db.StockLevels.AsNoTracking().FirstOrDefaultAsync(s => s.LocationId == locationId && s.Sku == sku, cancellationToken)
            ?? throw DomainException.NotFound("stock level", $"{locationId}/{sku}");
    }

    public async Task<IReadOnlyList<StockLevel>> ListStockAsync(string locationId, PageRequest page, CancellationToken cancellationToken)
    {
        await locations.GetLocationAsync(locationId, cancellationToken);
        var query = db.StockLevels.AsNoTracking().Where(s => s.LocationId == locationId);
        if (page.Cursor is not null)
        {
            var after = Cursor.Decode(page.Cursor, 1)[0];
            query = query.Where(s => string.Compare(s.Sku, after) > 0);
        }
        return await query.OrderBy(s => s.Sku).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(StockLevel level) => Cursor.Encode(level.Sku);

    /// <summary>Sets the absolute on-hand count. <paramref name="checkVersion"/> applies If-Match to an existing level.</summary>
    public async Task<(StockLevel Level, bool Created)> SetAsync(
        string locationId, string sku, int onHand, Action<int?> checkVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, cancellationToken)
            ?? throw DomainException.NotFound("location", locationId);
        await EnsureProductAsync(sku, cancellationToken);
        var level = await db.StockLevels.FirstOrDefaultAsync(s => s.LocationId == locationId && s.Sku == sku, cancellationToken);
        checkVersion(level?.Version);
        var now = clock.UtcNow();
        var created = level is null;
        var availableBefore = level?.Available ?? 0;
        if (level is null)
        {
            level = new StockLevel { LocationId = locationId, Sku = sku, PartnerId = location.PartnerId, Environment = location.Environment, OnHand = onHand, UpdatedAt = now };
            db.StockLevels.Add(level);
        }
        else
        {
            if (onHand < level.Reserved)
            {
                throw new DomainException(ErrorKind.Conflict, "below_reserved",
                    $"{level.Reserved} units of '{sku}' are reserved here; on hand cannot go below that.");
            }
            level.OnHand = onHand;
            level.Version++; // the version is a concurrency token: the save checks it was not changed meanwhile
            level.UpdatedAt = now;
        }
        feed.Record(level, "set", delta: null, availableBefore, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.PreconditionFailed, "precondition_failed", "The stock level changed meanwhile. Read it again and retry.");
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.StockAdjusted("set");
        return (level, created);
    }

    /// <summary>
    /// Adds the request's delta in one conditional statement: concurrent adjustments all land,
    /// and one that would take available below zero changes nothing (409 <c>insufficient_stock</c>).
    /// </summary>
    public async Task<StockLevel> AdjustAsync(StockAdjustmentRequest request, CancellationToken cancellationToken)
    {
        if (request.Delta == 0)
        {
            throw DomainException.Invalid("delta", "delta must not be zero.");
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LocationId, cancellationToken)
            ?? throw DomainException.NotFound("location", request.LocationId);
        await EnsureProductAsync(request.Sku, cancellationToken);
        var now = clock.UtcNow();
        var delta = request.Delta;
        var moved = await db.StockLevels
            .Where(s => s.LocationId == request.LocationId && s.Sku == request.Sku && s.OnHand + delta >= s.Reserved && s.OnHand + delta <= ContractLimits.Stock)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + delta).SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now),
                cancellationToken);
        StockLevel level;
        if (moved == 1)
        {
            level = await db.StockLevels.AsNoTracking().FirstAsync(s => s.LocationId == request.LocationId && s.Sku == request.Sku, cancellationToken);
        }
        else
        {
            var existing = await db.StockLevels.AsNoTracking().FirstOrDefaultAsync(s => s.LocationId == request.LocationId && s.Sku == request.Sku, cancellationToken);
            if (existing is not null || delta < 0)
            {
                throw new DomainException(ErrorKind.Conflict, "insufficient_stock",
                    $"Adjusting '{request.Sku}' by {delta} would leave {(existing?.Available ?? 0) + delta} available; nothing was changed.");
            }
            level = new StockLevel
            {
                LocationId = location.Id, Sku = request.Sku, PartnerId = location.PartnerId, Environment = location.Environment, OnHand = delta, UpdatedAt = now,
            };
            db.StockLevels.Add(level);
        }
        feed.Record(level, SnakeCase.Of(request.Reason), delta, level.Available - delta, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.StockAdjusted(SnakeCase.Of(request.Reason));
        return level;
    }

    /// <summary>Sets (or with null clears) the level's low-stock threshold.</summary>
    public async Task<StockLevel> SetThresholdAsync(string locationId, string sku, int? threshold, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await locations.GetLocationAsync(locationId, cancellationToken);
        var level = await db.StockLevels.FirstOrDefaultAsync(s => s.LocationId == locationId && s.Sku == sku, cancellationToken)
            ?? throw DomainException.NotFound("stock level", $"{locationId}/{sku}");
        level.LowStockThreshold = threshold;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return level;
    }

    private async Task EnsureProductAsync(string sku, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            throw new DomainException(ErrorKind.Unprocessable, "unknown_sku", $"There is no product with SKU '{sku}'.",
                new Dictionary<string, string[]> { ["sku"] = [$"There is no product with SKU '{sku}'."] });
        }
    }

    /// <summary>
    /// Moves stock of a location for a transfer, inside the caller's transaction and across partners
    /// (the transfer has checked who may): reserve, release, ship out (on hand and reservation down)
    /// or receive (on hand up). Reserving more than is available is 409 <c>insufficient_stock</c>.
    /// </summary>
    internal async Task MoveForTransferAsync(string locationId, string sku, int quantity, TransferStockMove move, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var levels = db.StockLevels.IgnoreQueryFilters().Where(s => s.LocationId == locationId && s.Sku == sku);
        var moved = move switch
        {
            TransferStockMove.Reserve => await levels.Where(s => s.OnHand - s.Reserved >= quantity).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Reserved, s => s.Reserved + quantity).SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken),
            TransferStockMove.Release => await levels.Where(s => s.Reserved >= quantity).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Reserved, s => s.Reserved - quantity).SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken),
            TransferStockMove.ShipOut => await levels.Where(s => s.Reserved >= quantity).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Reserved, s => s.Reserved - quantity).SetProperty(s => s.OnHand, s => s.OnHand - quantity)
                .SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken),
            _ => await levels.ExecuteUpdateAsync(u => u
                .SetProperty(s => s.OnHand, s => s.OnHand + quantity).SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken),
        };
        StockLevel level;
        if (moved == 1)
        {
            level = await levels.AsNoTracking().FirstAsync(cancellationToken);
        }
        else if (move == TransferStockMove.Receive)
        {
            var location = await db.Locations.IgnoreQueryFilters().AsNoTracking().FirstAsync(l => l.Id == locationId, cancellationToken);
            level = new StockLevel { LocationId = locationId, Sku = sku, PartnerId = location.PartnerId, Environment = location.Environment, OnHand = quantity, UpdatedAt = now };
            db.StockLevels.Add(level);
        }
        else
        {
            var available = await levels.Select(s => (int?)(s.OnHand - s.Reserved)).FirstOrDefaultAsync(cancellationToken) ?? 0;
            throw new DomainException(ErrorKind.Conflict, "insufficient_stock",
                $"The location has {available} of '{sku}' available; {quantity} were asked for. Nothing was changed.");
        }
        var availableBefore = move switch
        {
            TransferStockMove.Reserve => level.Available + quantity,
            TransferStockMove.Release or TransferStockMove.Receive => level.Available - quantity,
            _ => level.Available,
        };
        feed.Record(level, "transfer_" + SnakeCase.Of(move), move is TransferStockMove.ShipOut ? -quantity : move is TransferStockMove.Receive ? quantity : null,
            availableBefore, now);
    }
}
