using Integration.Core.Insights;
using Integration.Data;
using Microsoft.Extensions.Options;

namespace Integration.Application.Insights;

/// <summary>Adds deliveries and returns to the sales aggregates, in the caller's open transaction (docs/adr/0022).</summary>
public sealed class SalesAggregateWriter(IntegrationDbContext db, IOptions<InsightsOptions> options)
{
    public async Task AddAsync(IEnumerable<SalesMove?> moves, CancellationToken cancellationToken)
    {
        if (!options.Value.MaintainAggregates)
        {
            return;
        }
        var aggregates = SalesAggregates.Of(moves.OfType<SalesMove>());
        if (!aggregates.IsEmpty)
        {
            await db.AddToSalesAggregatesAsync(aggregates, cancellationToken);
        }
    }
}
