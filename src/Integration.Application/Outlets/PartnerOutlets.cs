using Integration.Application.Events;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Outlets;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Outlets;

/// <summary>
/// A partner's outlets (points of sale). Reads and writes go through the tenancy filter, so another partner's outlet,
/// or one of the other environment, is simply absent (404). Every change is an <c>outlet.*</c> event in the same transaction.
/// </summary>
public sealed class PartnerOutlets(IntegrationDbContext db, EventLog events, BusinessClock clock)
{
    /// <summary>Today on the caller's environment clock (the sandbox clock for sandbox callers).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.UtcNow().UtcDateTime);

    public async Task<Outlet> CreateAsync(string partnerId, ApiEnvironment environment, CreateOutletRequest request, CancellationToken cancellationToken)
    {
        CheckDates(request.OpenedOn, request.ClosedOn);
        var now = clock.UtcNow();
        var outlet = new Outlet
        {
            Id = Ids.New("out"), PartnerId = partnerId, Environment = environment, Name = request.Name, RegionCode = request.RegionCode,
            Type = request.Type, AreaSquareMetres = request.AreaSquareMetres, OpenedOn = request.OpenedOn, ClosedOn = request.ClosedOn,
            CreatedAt = now, UpdatedAt = now,
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.Outlets.Add(outlet);
        events.Append(partnerId, environment, EventTypes.OutletCreated, outlet.Id, EventData(outlet), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outlet;
    }

    /// <summary>Oldest first.</summary>
    public async Task<IReadOnlyList<Outlet>> ListAsync(OutletFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Outlets.AsNoTracking();
        var today = Today;
        query = filter.Status switch
        {
            OutletStatus.Open => query.Where(o => o.OpenedOn <= today && (o.ClosedOn == null || o.ClosedOn > today)),
            OutletStatus.Closed => query.Where(o => o.OpenedOn <= today && o.ClosedOn != null && o.ClosedOn <= today),
            OutletStatus.NotYetOpen => query.Where(o => o.OpenedOn > today),
            _ => query,
        };
        if (filter.RegionCode is { } region)
        {
            var below = region + "-";
            query = query.Where(o => o.RegionCode == region || o.RegionCode.StartsWith(below));
        }
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(o => o.CreatedAt >= createdAt && (o.CreatedAt > createdAt || string.Compare(o.Id, id) > 0));
        }
        return await query.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Outlet outlet) => Cursor.Encode(outlet.CreatedAt, outlet.Id);

    public async Task<Outlet> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw DomainException.NotFound("outlet", id);

    /// <summary>Only the fields given change; <c>checkVersion</c> checks the caller's If-Match against the outlet's current version before anything changes.</summary>
    public async Task<Outlet> UpdateAsync(string id, UpdateOutletRequest request, Action<int> checkVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw DomainException.NotFound("outlet", id);
        checkVersion(outlet.Version);
        var closedOn = request.ClosedOnGiven ? request.ClosedOn : outlet.ClosedOn;
        CheckDates(outlet.OpenedOn, closedOn);
        outlet.Name = request.Name ?? outlet.Name;
        outlet.Type = request.Type ?? outlet.Type;
        outlet.AreaSquareMetres = request.AreaSquareMetres ?? outlet.AreaSquareMetres;
        outlet.ClosedOn = closedOn;
        outlet.Version++;
        outlet.UpdatedAt = clock.UtcNow();
        events.Append(outlet.PartnerId, outlet.Environment, EventTypes.OutletUpdated, outlet.Id, EventData(outlet), outlet.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outlet;
    }

    private static void CheckDates(DateOnly openedOn, DateOnly? closedOn)
    {
        if (closedOn is { } closed && closed < openedOn)
        {
            throw new DomainException(ErrorKind.Unprocessable, "closed_before_opened", $"closedOn {closed:yyyy-MM-dd} is before openedOn {openedOn:yyyy-MM-dd}.",
                new Dictionary<string, string[]> { ["closedOn"] = [$"Not before openedOn ({openedOn:yyyy-MM-dd})."] });
        }
    }

    private static object EventData(Outlet o) => new
    {
        outletId = o.Id, name = o.Name, regionCode = o.RegionCode, type = SnakeCase.Of(o.Type), areaSquareMetres = o.AreaSquareMetres,
        openedOn = o.OpenedOn, closedOn = o.ClosedOn, version = o.Version,
    };
}
