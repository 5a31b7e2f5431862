using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Insights;

public static class SalesAggregateLock
{
    /// <summary>
    /// Holds every other writer of the sales aggregates until the caller's transaction ends (a rebuild). SQLite has one
    /// writer at a time anyway; PostgreSQL takes an exclusive table lock, which waits for deliveries already writing.
    /// </summary>
    public static async Task LockSalesAggregatesAsync(this IntegrationDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE sales_days, sku_sales_days, customer_days, sales_months IN EXCLUSIVE MODE", cancellationToken);
        }
    }
}
