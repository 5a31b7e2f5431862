using System.Text.Json;
using Integration.Application.Events;
using Integration.Application.Paging;
using Integration.Core.Events;
using Integration.Core.Inventory;
using Integration.Data;

namespace Integration.Application.Inventory;

/// <summary>
/// The change feed: every change of a stock level is one <c>inventory.stock_changed</c> event (and
/// <c>inventory.low_stock</c> when it crosses the threshold), written in the change's own transaction.
/// </summary>
public sealed class StockChangeFeed(IntegrationDbContext db, EventLog events)
{
    /// <summary>The caller's stock changes after the cursor, in the order they were committed.</summary>
    public async Task<IReadOnlyList<PartnerEvent>> ChangesAsync(PageRequest page, CancellationToken cancellationToken) =>
        await events.ListAsync([EventTypes.StockChanged], page, cancellationToken);

    public static StockChangeResponse ChangeOf(PartnerEvent change)
    {
        var data = JsonSerializer.Deserialize<StockChangeData>(change.Data, ChangeJson)!;
        return new StockChangeResponse(change.Sequence, data.LocationId, data.Sku, data.OnHand, data.Reserved, data.OnHand - data.Reserved, data.Version,
            data.Change, data.Delta, change.OccurredAt);
    }

    private static readonly JsonSerializerOptions ChangeJson = new(JsonSerializerDefaults.Web);

    private sealed record StockChangeData(string LocationId, string Sku, int OnHand, int Reserved, int Version, string Change, int? Delta);

    /// <summary>Adds the change's events to the unit of work, to commit with the change.</summary>
    public void Record(StockLevel level, string change, int? delta, int availableBefore, DateTimeOffset now) =>
        db.Events.AddRange(EventsOf(level, change, delta, availableBefore, now));

    /// <summary>The change-feed event of a level change, and <c>inventory.low_stock</c> if it crossed the threshold.</summary>
    public IEnumerable<PartnerEvent> EventsOf(StockLevel level, string change, int? delta, int availableBefore, DateTimeOffset now)
    {
        yield return events.Prepare(level.PartnerId, level.Environment, EventTypes.StockChanged, level.LocationId,
            new StockChangeData(level.LocationId, level.Sku, level.OnHand, level.Reserved, level.Version, change, delta), now);
        if (level.FellBelowThreshold(availableBefore))
        {
            yield return events.Prepare(level.PartnerId, level.Environment, EventTypes.LowStock, level.LocationId,
                new { locationId = level.LocationId, sku = level.Sku, available = level.Available, threshold = level.LowStockThreshold }, now);
        }
    }
}
