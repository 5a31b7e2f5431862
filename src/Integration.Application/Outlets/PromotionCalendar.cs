using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Outlets;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Outlets;

/// <summary>
/// Promotional events at a partner's outlets: the plan (dates, cost, outlets) and what actually happened (domain.md ›
/// Partner insights: on-time activity rate and ROI of an event). Every outlet named must be the partner's own here.
/// </summary>
public sealed class PromotionCalendar(IntegrationDbContext db, PartnerOutlets outlets, BusinessClock clock)
{
    public async Task<PromotionEvent> CreateAsync(string partnerId, ApiEnvironment environment, CreatePromotionEventRequest request, CancellationToken cancellationToken)
    {
        var known = await KnownOutletsAsync([request], cancellationToken);
        if (Check(request, known) is { } refusal)
        {
            throw refusal.ToException();
        }
        var created = Plan(partnerId, environment, request, clock.UtcNow());
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.PromotionEvents.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Up to 500 events in one transaction: each is checked on its own; the good ones are created, the bad ones reported.</summary>
    public async Task<BulkResultResponse> CreateManyAsync(string partnerId, ApiEnvironment environment, IReadOnlyList<CreatePromotionEventRequest> requests,
        CancellationToken cancellationToken)
    {
        if (requests.Count is 0 or > ContractLimits.PromotionEventRows)
        {
            throw DomainException.Invalid("events", requests.Count == 0 ? "Send at least one event." : "At most 500 events per request; split them into several requests.");
        }
        var known = await KnownOutletsAsync(requests, cancellationToken);
        var now = clock.UtcNow();
        var results = new List<BulkRowResult>(requests.Count);
        var created = new List<PromotionEvent>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (Check(requests[i], known) is { } refusal)
            {
                results.Add(BulkRowResult.Rejected(i, refusal.Within($"events[{i}]")));
                continue;
            }
            var planned = Plan(partnerId, environment, requests[i], now);
            created.Add(planned);
            results.Add(BulkRowResult.Accepted(i, planned.Id));
        }
        if (created.Count > 0)
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            db.PromotionEvents.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return BulkResultResponse.Of(results);
    }

    /// <summary>Oldest first; with a range, the events whose planned days overlap it.</summary>
    public async Task<IReadOnlyList<PromotionEvent>> ListAsync(DayRange range, PageRequest page, CancellationToken cancellationToken)
    {
        ActivityReports.CheckRange(range);
        var query = db.PromotionEvents.AsNoTracking();
        if (range.From is { } from) query = query.Where(e => e.PlannedEnd >= from);
        if (range.To is { } to) query = query.Where(e => e.PlannedStart <= to);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(e => e.CreatedAt >= createdAt && (e.CreatedAt > createdAt || string.Compare(e.Id, id) > 0));
        }
        return await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(PromotionEvent e) => Cursor.Encode(e.CreatedAt, e.Id);

    public async Task<PromotionEvent> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw DomainException.NotFound("promotional event", id);

    /// <summary>Only the fields given change; <c>checkVersion</c> checks the caller's If-Match against the event's current version before anything changes.</summary>
    public async Task<PromotionEvent> UpdateAsync(string id, UpdatePromotionEventRequest request, Action<int> checkVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var promotion = await db.PromotionEvents.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw DomainException.NotFound("promotional event", id);
        checkVersion(promotion.Version);
        var plannedStart = request.PlannedStart ?? promotion.PlannedStart;
        var plannedEnd = request.PlannedEnd ?? promotion.PlannedEnd;
        var actualStart = request.ActualStart ?? promotion.ActualStart;
        var actualEnd = request.ActualEnd ?? promotion.ActualEnd;
        if ((PromotionEventRules.CheckPlan(plannedStart, plannedEnd) ?? PromotionEventRules.CheckActual(actualStart, actualEnd, outlets.Today)) is { } refusal)
        {
            throw refusal.ToException();
        }
        promotion.Name = request.Name ?? promotion.Name;
        promotion.PlannedStart = plannedStart;
        promotion.PlannedEnd = plannedEnd;
        promotion.ActualStart = actualStart;
        promotion.ActualEnd = actualEnd;
        promotion.Version++;
        promotion.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promotion;
    }

    private async Task<HashSet<string>> KnownOutletsAsync(IReadOnlyList<CreatePromotionEventRequest> requests, CancellationToken cancellationToken)
    {
        var named = requests.SelectMany(r => r.OutletIds ?? []).Where(id => id is not null).Distinct().ToList();
        return [.. await db.Outlets.AsNoTracking().Where(o => named.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)];
    }

    private static RowRefusal? Check(CreatePromotionEventRequest request, HashSet<string> known)
    {
        for (var i = 0; i < request.OutletIds.Count; i++)
        {
            if (!known.Contains(request.OutletIds[i]))
            {
                return new("unknown_outlet", $"outletIds[{i}]", $"There is no outlet '{request.OutletIds[i]}' of yours in this environment.");
            }
        }
        return PromotionEventRules.CheckPlan(request.PlannedStart, request.PlannedEnd);
    }

    private static PromotionEvent Plan(string partnerId, ApiEnvironment environment, CreatePromotionEventRequest request, DateTimeOffset now) => new()
    {
        Id = Ids.New("pev"), PartnerId = partnerId, Environment = environment, Name = request.Name, OutletIds = [.. request.OutletIds.Distinct()],
        PlannedStart = request.PlannedStart, PlannedEnd = request.PlannedEnd, Cost = request.Cost, CreatedAt = now, UpdatedAt = now,
    };
}
