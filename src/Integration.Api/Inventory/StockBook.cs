using System.Text.Json;
using Integration.Api.Events;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Api.Partners;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Inventory;

internal enum TransferStockMove
{
    Reserve,
    Release,
    ShipOut,
    Receive,
}

/// <summary>
/// A partner's locations and stock levels. Every level change is one conditional statement (so
/// concurrent writers never lose an update and available never goes negative) and one
/// <c>inventory.stock_changed</c> event in the same transaction: the change feed.
/// </summary>
public sealed class StockBook(IntegrationDbContext db, EventLog events, PartnerSnapshots partners, BusinessClock clock)
{
    private const int MaxSharedLocations = 100;

    /// <summary>
    /// Applies up to 5,000 absolute or relative rows in one transaction, or none: every row is checked
    /// first (shape, duplicates, your location, a known SKU, never below reserved or zero available)
    /// and a refusal names each bad row (<c>rows[i].field</c>). Levels carry a version, so a concurrent
    /// change between reading and writing fails the bulk (409) instead of being overwritten.
    /// </summary>
    public async Task<BulkStockResponse> BulkAsync(IReadOnlyList<BulkStockRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count is 0 or > ContractLimits.BulkStockRows)
        {
            throw DomainException.Invalid("rows", rows.Count == 0 ? "Send at least one row." : "At most 5,000 rows per request; use an import for more.");
        }
        var outcome = await ApplyRowsAsync(rows, (i, field) => field is null ? $"rows[{i}]" : $"rows[{i}].{field}", atomic: true, cancellationToken);
        return new BulkStockResponse(outcome.Applied, outcome.Created);
    }

    /// <summary>What applying rows did: counts, and the refused rows' errors (keyed as the caller names rows).</summary>
    public sealed record RowsOutcome(int Applied, int Created, Dictionary<string, string[]> Errors);

    /// <summary>
    /// Checks and applies stock rows in one transaction. <paramref name="atomic"/>: any bad row refuses
    /// them all (422 naming each); otherwise the good rows apply and the bad ones are reported.
    /// </summary>
    public async Task<RowsOutcome> ApplyRowsAsync(IReadOnlyList<BulkStockRow> rows, Func<int, string?, string> key, bool atomic, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var bad = new HashSet<int>();
        void Refuse(int row, string? field, string message)
        {
            errors[key(row, field)] = [message];
            bad.Add(row);
        }
        var firstRowOf = new Dictionary<(string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.LocationId is not { Length: >= 1 and <= 40 })
            {
                Refuse(i, "locationId", "locationId is 1 to 40 characters.");
            }
            else if (!IdentifierAttribute.IsPlain(row.LocationId))
            {
                Refuse(i, "locationId", new IdentifierAttribute().FormatErrorMessage("locationId"));
            }
            if (!SkuFormat.IsValid(row.Sku))
            {
                Refuse(i, "sku", SkuFormat.Message);
            }
            if (row.OnHand is < 0 or > ContractLimits.Stock || row.Delta is < -ContractLimits.Stock or > ContractLimits.Stock)
            {
                Refuse(i, row.OnHand is null ? "delta" : "onHand", "Quantities are whole numbers: onHand 0 to 10,000,000, delta ±10,000,000.");
            }
            if ((row.OnHand is null) == (row.Delta is null))
            {
                Refuse(i, null, "Give exactly one of onHand (absolute) and delta (relative).");
            }
            else if (row.Delta is 0)
            {
                Refuse(i, "delta", "delta must not be zero.");
            }
            else if (row.Delta is not null && row.Reason is null)
            {
                Refuse(i, "reason", "A relative row needs a reason.");
            }
            if (!firstRowOf.TryAdd((row.LocationId, row.Sku), i))
            {
                Refuse(i, null, $"Same location and SKU as {key(firstRowOf[(row.LocationId, row.Sku)], null)}; send one row per location and SKU.");
            }
        }
        var locationIds = rows.Select(r => r.LocationId).Distinct().ToList();
        var skus = rows.Select(r => r.Sku).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        // Up to 5,000 SKUs: one array parameter (json_each / = ANY), not EF 10's default of one SQL parameter per value.
        var known = (await db.Products.AsNoTracking().Where(p => EF.Parameter(skus).Contains(p.Sku)).Select(p => p.Sku).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < rows.Count; i++)
        {
            // A value refused above keeps that reason.
            if (!locations.ContainsKey(rows[i].LocationId) && !errors.ContainsKey(key(i, "locationId")))
            {
                Refuse(i, "locationId", $"You have no location '{rows[i].LocationId}'.");
            }
            if (!known.Contains(rows[i].Sku) && !errors.ContainsKey(key(i, "sku")))
            {
                Refuse(i, "sku", $"There is no product with SKU '{rows[i].Sku}'.");
            }
        }
        if (atomic)
        {
            ThrowIfAny(errors);
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        // The caller's own locations (read above under the tenancy filter), so the levels need no tenancy filter of their
        // own: with it, PostgreSQL's generic plan for this prepared statement walked the partner's whole index and
        // tested each level against both arrays (~200 ms for 5,000 rows, against ~6 ms by the SKU index).
        var ownLocationIds = locations.Keys.ToList();
        var existing = await db.StockLevels.IgnoreQueryFilters().AsNoTracking()
            .Where(s => ownLocationIds.Contains(s.LocationId) && EF.Parameter(skus).Contains(s.Sku))
            .ToDictionaryAsync(s => (s.LocationId, s.Sku), cancellationToken);
        var now = clock.UtcNow();
        var written = new List<StockLevel>(rows.Count);
        var created = 0;
        var changeEvents = new List<PartnerEvent>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (bad.Contains(i))
            {
                continue;
            }
            var row = rows[i];
            var level = existing.GetValueOrDefault((row.LocationId, row.Sku));
            var onHand = row.OnHand ?? (level?.OnHand ?? 0) + row.Delta!.Value;
            var reserved = level?.Reserved ?? 0;
            if (onHand < reserved || onHand > ContractLimits.Stock)
            {
                Refuse(i, null, onHand > ContractLimits.Stock
                    ? "On hand would exceed 10,000,000."
                    : $"On hand would be {onHand}, below the {reserved} reserved; available would be {onHand - reserved}.");
                continue;
            }
            var availableBefore = level?.Available ?? 0;
            if (level is null)
            {
                var location = locations[row.LocationId];
                level = new StockLevel { LocationId = row.LocationId, Sku = row.Sku, PartnerId = location.PartnerId, Environment = location.Environment, OnHand = onHand, UpdatedAt = now };
                created++;
            }
            else
            {
                level.OnHand = onHand;
                level.Version++;
                level.UpdatedAt = now;
            }
            written.Add(level);
            changeEvents.AddRange(ChangeEvents(level, row.Reason is { } reason ? SnakeCase.Of(reason) : "set", row.Delta, availableBefore, now));
        }
        if (atomic)
        {
            ThrowIfAny(errors);
        }
        // Multi-row statements rather than one per row: the writes are most of a bulk's cost.
        if (await db.UpsertOnHandAsync(written, cancellationToken) != written.Count)
        {
            throw new DomainException(ErrorKind.Conflict, "concurrent_update", "Some of these levels changed while the rows were applied; nothing was applied. Send them again.");
        }
        db.AddPreparedEvents(changeEvents);
        await transaction.CommitAsync(cancellationToken);
        return new RowsOutcome(written.Count, created, errors);
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.Unprocessable, "bulk_rejected",
                $"{errors.Count} row(s) cannot be applied, so none was; `errors` names each.", errors);
        }
    }

    /// <summary>
    /// The brand's available stock and other partners' shared stock of a SKU, as the caller may see
    /// it. This read crosses partners on purpose, so it bypasses the tenancy filter and applies each
    /// location's sharing policy itself; it returns only location, region and quantity.
    /// </summary>
    public async Task<SharedAvailabilityResponse> SharedAvailabilityAsync(Caller caller, string sku, string? region, CancellationToken cancellationToken)
    {
        var environment = caller.Environment!.Value;
        var callerId = caller.PartnerId!;
        var callerRegion = (await partners.GetAsync(callerId))?.RegionCode ?? "";
        var pool = await BrandStockLedger.PoolAsync(db, environment, callerId, sku, cancellationToken);
        var brand = await db.BrandStock.Where(s => s.Sku == sku && s.Environment == environment && s.Pool == pool)
            .Select(s => (int?)(s.OnHand - s.Reserved)).FirstOrDefaultAsync(cancellationToken) ?? 0;

        // "Not the caller's own" is asked of the stock level (its PartnerId is its location's owner), not of the
        // location: a prepared statement's generic plan estimates "PartnerId <> @caller" on locations owned by
        // few partners as ~0 rows, and then scanned every location instead of this SKU's levels (15 ms against
        // 1.7 ms at 5,000 locations; docs/benchmarks.md, Inventory).
        var shared = from level in db.StockLevels.IgnoreQueryFilters()
                     join location in LocationsVisibleTo(callerId, callerRegion, environment) on level.LocationId equals location.Id
                     where level.Sku == sku && level.Environment == environment && level.PartnerId != callerId && level.OnHand > level.Reserved
                     select new { location.Id, location.RegionCode, Available = level.OnHand - level.Reserved };
        if (region is not null)
        {
            var regionPrefix = region + "-";
            shared = shared.Where(l => l.RegionCode == region || l.RegionCode.StartsWith(regionPrefix));
        }
        var locations = await shared.OrderByDescending(l => l.Available).ThenBy(l => l.Id).Take(MaxSharedLocations).ToListAsync(cancellationToken);
        return new SharedAvailabilityResponse(sku, new BrandAvailability(brand), locations.Select(l => new SharedLocationAvailability(l.Id, l.RegionCode, l.Available)).ToList());
    }

    /// <summary>Other partners' locations in <paramref name="environment"/> whose sharing policy lets the caller see them.</summary>
    internal IQueryable<Location> LocationsSharedWith(string callerId, string callerRegion, ApiEnvironment environment) =>
        LocationsVisibleTo(callerId, callerRegion, environment).Where(location => location.PartnerId != callerId);

    /// <summary>Locations in <paramref name="environment"/> whose sharing policy lets the caller see them, whoever owns them.</summary>
    private IQueryable<Location> LocationsVisibleTo(string callerId, string callerRegion, ApiEnvironment environment)
    {
        var callerRegionPrefix = callerRegion + "-";
        return db.Locations.IgnoreQueryFilters().Where(location => location.Environment == environment
            && (location.Sharing == SharingPolicy.AllPartners
                || (location.Sharing == SharingPolicy.Region && callerRegionPrefix.StartsWith(location.RegionCode + "-"))
                || (location.Sharing == SharingPolicy.Named && location.SharedWith.Contains(callerId))));
    }

    internal async Task<string> RegionOfAsync(string partnerId) => (await partners.GetAsync(partnerId))?.RegionCode ?? "";

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
        RecordChange(level, "transfer_" + SnakeCase.Of(move), move is TransferStockMove.ShipOut ? -quantity : move is TransferStockMove.Receive ? quantity : null,
            availableBefore, now);
    }

    public async Task<Location> CreateLocationAsync(string partnerId, ApiEnvironment environment, CreateLocationRequest request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var location = new Location
        {
            Id = Ids.New("loc"), PartnerId = partnerId, Environment = environment, Name = request.Name, Type = request.Type,
            RegionCode = request.RegionCode, Address = request.Address, CreatedAt = now, UpdatedAt = now,
        };
        ApplySharing(location, request.Sharing, request.SharedWith);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.Locations.Add(location);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return location;
    }

    public async Task<IReadOnlyList<Location>> ListLocationsAsync(PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Locations.AsNoTracking();
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(l => l.CreatedAt >= createdAt && (l.CreatedAt > createdAt || string.Compare(l.Id, id) > 0));
        }
        return await query.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Location location) => Cursor.Encode(location.CreatedAt, location.Id);

    public async Task<Location> GetLocationAsync(string id, CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw DomainException.NotFound("location", id);

    public async Task<Location> UpdateLocationAsync(string id, UpdateLocationRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var location = await db.Locations.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw DomainException.NotFound("location", id);
        location.Name = request.Name ?? location.Name;
        location.Type = request.Type ?? location.Type;
        location.RegionCode = request.RegionCode ?? location.RegionCode;
        location.Address = request.Address ?? location.Address;
        if (request.Sharing is not null || request.SharedWith is not null)
        {
            ApplySharing(location, request.Sharing ?? location.Sharing, request.SharedWith ?? location.SharedWith);
        }
        location.Version++;
        location.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return location;
    }

    public async Task<StockLevel> GetStockAsync(string locationId, string sku, CancellationToken cancellationToken)
    {
        await GetLocationAsync(locationId, cancellationToken);
        return await db.StockLevels.AsNoTracking().FirstOrDefaultAsync(s => s.LocationId == locationId && s.Sku == sku, cancellationToken)
            ?? throw DomainException.NotFound("stock level", $"{locationId}/{sku}");
    }

    public async Task<IReadOnlyList<StockLevel>> ListStockAsync(string locationId, PageQuery page, CancellationToken cancellationToken)
    {
        await GetLocationAsync(locationId, cancellationToken);
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
        RecordChange(level, "set", delta: null, availableBefore, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.PreconditionFailed, "precondition_failed", "The stock level changed meanwhile. Read it again and retry.");
        }
        await transaction.CommitAsync(cancellationToken);
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
        RecordChange(level, SnakeCase.Of(request.Reason), delta, level.Available - delta, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return level;
    }

    /// <summary>The caller's stock changes after the cursor, in the order they were committed.</summary>
    public async Task<IReadOnlyList<PartnerEvent>> ChangesAsync(PageQuery page, CancellationToken cancellationToken) =>
        await events.ListAsync([EventTypes.StockChanged], page, cancellationToken);

    public static StockChangeResponse ChangeOf(PartnerEvent change)
    {
        var data = JsonSerializer.Deserialize<StockChangeData>(change.Data, ChangeJson)!;
        return new StockChangeResponse(change.Sequence, data.LocationId, data.Sku, data.OnHand, data.Reserved, data.OnHand - data.Reserved, data.Version,
            data.Change, data.Delta, change.OccurredAt);
    }

    private static readonly JsonSerializerOptions ChangeJson = new(JsonSerializerDefaults.Web);

    private sealed record StockChangeData(string LocationId, string Sku, int OnHand, int Reserved, int Version, string Change, int? Delta);

    private void RecordChange(StockLevel level, string change, int? delta, int availableBefore, DateTimeOffset now) =>
        db.Events.AddRange(ChangeEvents(level, change, delta, availableBefore, now));

    /// <summary>The change-feed event of a level change, and <c>inventory.low_stock</c> if it crossed the threshold.</summary>
    private IEnumerable<PartnerEvent> ChangeEvents(StockLevel level, string change, int? delta, int availableBefore, DateTimeOffset now)
    {
        yield return events.Prepare(level.PartnerId, level.Environment, EventTypes.StockChanged, level.LocationId,
            new StockChangeData(level.LocationId, level.Sku, level.OnHand, level.Reserved, level.Version, change, delta), now);
        if (level.FellBelowThreshold(availableBefore))
        {
            yield return events.Prepare(level.PartnerId, level.Environment, EventTypes.LowStock, level.LocationId,
                new { locationId = level.LocationId, sku = level.Sku, available = level.Available, threshold = level.LowStockThreshold }, now);
        }
    }

    /// <summary>Sets (or with null clears) the level's low-stock threshold.</summary>
    public async Task<StockLevel> SetThresholdAsync(string locationId, string sku, int? threshold, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await GetLocationAsync(locationId, cancellationToken);
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

    private static void ApplySharing(Location location, SharingPolicy sharing, IReadOnlyList<string>? sharedWith)
    {
        if (sharing == SharingPolicy.Named && (sharedWith is null || sharedWith.Count == 0))
        {
            throw DomainException.Invalid("sharedWith", "Name at least one partner id to share with, or choose another sharing policy.");
        }
        if (sharing != SharingPolicy.Named && sharedWith is { Count: > 0 })
        {
            throw DomainException.Invalid("sharedWith", "sharedWith applies only with sharing 'named'.");
        }
        location.Sharing = sharing;
        location.SharedWith = sharing == SharingPolicy.Named ? [.. sharedWith!.Distinct()] : [];
    }
}
