using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Inventory;

/// <summary>A partner's locations (warehouses, stores) and whom each shares its stock with.</summary>
public sealed class PartnerLocations(IntegrationDbContext db, BusinessClock clock)
{
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

    public async Task<IReadOnlyList<Location>> ListLocationsAsync(PageRequest page, CancellationToken cancellationToken)
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
