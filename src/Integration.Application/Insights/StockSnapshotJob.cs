using Integration.Application.Hosting;
using Integration.Application.Inventory;
using Integration.Core.Events;
using Integration.Core.Insights;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Insights;

/// <summary>
/// Takes each partner's daily stock snapshot at 00:00 of its environment's clock (the sandbox clock in the sandbox). Days
/// the job did not see begin (the instance was down, or a sandbox clock jumped several days) are filled in from the
/// stock change feed: each day's levels are the previous day's with the changes committed in between applied, so every
/// day has its own snapshot. A partner's first snapshot is its levels when the job first sees it.
/// </summary>
public sealed class StockSnapshotJob(
    IServiceScopeFactory scopes, JobLeases leases, TimeProvider platform, IOptions<InsightsOptions> options, ILogger<StockSnapshotJob> logger)
    : PartnerJob(scopes, leases, platform, logger)
{
    /// <summary>The stock changes that count as units received: a receipt adjustment and the destination side of an accepted transfer.</summary>
    public static readonly IReadOnlySet<string> Receipts = new HashSet<string> { "received", "transfer_receive" };

    protected override string JobName => "stock_snapshots";

    protected override JobSchedule Schedule => options.Value.Schedule;

    protected override async Task<int> RunForPartnerAsync(PartnerWork work, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var snapshots = db.Visible<StockSnapshot>().Where(s => s.PartnerId == work.PartnerId && s.Environment == work.Environment);
        var last = await snapshots.MaxAsync(s => (DateOnly?)s.Day, cancellationToken);
        if (last >= work.Today)
        {
            return 0;
        }
        var rows = new List<StockSnapshot>();
        if (last is not { } lastDay || lastDay < work.Today.AddDays(-options.Value.MaxCatchUpDays))
        {
            var levels = await db.Visible<StockLevel>().AsNoTracking().Where(l => l.PartnerId == work.PartnerId && l.Environment == work.Environment)
                .ToListAsync(cancellationToken);
            rows.AddRange(levels.Select(l => Row(work, work.Today, l.LocationId, l.Sku, l.OnHand, l.Available, received: 0)));
        }
        else
        {
            rows.AddRange(await CatchUpAsync(work, snapshots, lastDay, cancellationToken));
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.StockSnapshots.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PK_stock_snapshots", "stock_snapshots.PartnerId"))
        {
            return 0; // taken meanwhile by an instance whose lease ran out: what it wrote stands
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The snapshots of the days after <paramref name="lastDay"/> up to today, replaying the change feed day by day.</summary>
    private static async Task<List<StockSnapshot>> CatchUpAsync(
        PartnerWork work, IQueryable<StockSnapshot> snapshots, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var state = await snapshots.AsNoTracking().Where(s => s.Day == lastDay)
            .ToDictionaryAsync(s => (s.LocationId, s.Sku), s => (s.OnHand, s.Available), cancellationToken);
        var from = AtMidnight(lastDay);
        var to = AtMidnight(work.Today);
        var changes = (await work.Db.Visible<PartnerEvent>().AsNoTracking()
                .Where(e => e.PartnerId == work.PartnerId && e.Environment == work.Environment && e.Type == EventTypes.StockChanged)
                .Where(e => e.OccurredAt >= from && e.OccurredAt < to)
                .OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(StockChangeFeed.ChangeOf).ToList();
        var rows = new List<StockSnapshot>();
        var next = 0;
        for (var day = lastDay.AddDays(1); day <= work.Today; day = day.AddDays(1))
        {
            var received = new Dictionary<(string, string), int>();
            var endOfDayBefore = AtMidnight(day);
            for (; next < changes.Count && changes[next].OccurredAt < endOfDayBefore; next++)
            {
                var change = changes[next];
                var key = (change.LocationId, change.Sku);
                state[key] = (change.OnHand, change.Available);
                if (Receipts.Contains(change.Change) && change.Delta is { } units && units > 0)
                {
                    received[key] = received.GetValueOrDefault(key) + units;
                }
            }
            rows.AddRange(state.Select(s => Row(work, day, s.Key.LocationId, s.Key.Sku, s.Value.OnHand, s.Value.Available, received.GetValueOrDefault(s.Key))));
        }
        return rows;
    }

    private static StockSnapshot Row(PartnerWork work, DateOnly day, string locationId, string sku, int onHand, int available, int received) => new()
    {
        PartnerId = work.PartnerId, Environment = work.Environment, Day = day, LocationId = locationId, Sku = sku,
        OnHand = onHand, Available = available, ReceivedDayBefore = received,
    };

    private static DateTimeOffset AtMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
