using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Core.Orders;
using Integration.Data;
using Integration.Data.Insights;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Insights;

/// <summary>
/// Rebuilds the sales aggregates from the orders themselves: every delivery and return replayed through the same
/// <see cref="SalesAggregates"/> the incremental path uses. For data that existed before the aggregates did, and for
/// operators who doubt them (docs/insights.md › Operators). One transaction; deliveries and returns made meanwhile
/// wait for it and are then added on top, so none is lost or counted twice.
/// </summary>
public sealed class SalesAggregateRebuild(IntegrationDbContext db)
{
    private const int OrdersPerChunk = 5_000;

    /// <summary>Rebuilds one partner's aggregates (in both environments), or everyone's; returns the orders replayed.</summary>
    public async Task<int> RebuildAsync(string? partnerId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.LockSalesAggregatesAsync(cancellationToken);
        await Scoped(db.Visible<SalesDay>(), partnerId).ExecuteDeleteAsync(cancellationToken);
        await Scoped(db.Visible<SkuSalesDay>(), partnerId).ExecuteDeleteAsync(cancellationToken);
        await Scoped(db.Visible<CustomerDay>(), partnerId).ExecuteDeleteAsync(cancellationToken);
        await Scoped(db.Visible<SalesMonth>(), partnerId).ExecuteDeleteAsync(cancellationToken);
        var replayed = 0;
        var after = "";
        while (true)
        {
            var chunk = await Scoped(db.Visible<Order>(), partnerId).AsNoTracking()
                .Where(o => o.DeliveredAt != null && string.Compare(o.Id, after) > 0)
                .OrderBy(o => o.Id).Take(OrdersPerChunk).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                break;
            }
            await db.AddToSalesAggregatesAsync(SalesAggregates.Of(chunk.SelectMany(SalesMove.AllOf)), cancellationToken);
            replayed += chunk.Count;
            after = chunk[^1].Id;
        }
        await transaction.CommitAsync(cancellationToken);
        return replayed;
    }

    private static IQueryable<T> Scoped<T>(IQueryable<T> rows, string? partnerId) where T : class, IPartnerOwned =>
        partnerId is null ? rows : rows.Where(r => r.PartnerId == partnerId);
}
