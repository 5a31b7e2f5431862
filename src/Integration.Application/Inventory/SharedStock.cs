using Integration.Application.OAuth;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Inventory;

/// <summary>
/// What a partner may see of other partners' stock: each location's sharing policy (all partners, its region,
/// named partners) decides. These reads cross partners on purpose, so they bypass the tenancy filter.
/// </summary>
public sealed class SharedStock(IntegrationDbContext db, PartnerSnapshots partners)
{
    private const int MaxSharedLocations = 100;

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
}
