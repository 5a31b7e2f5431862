using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Customers;

public static class Erasure
{
    /// <summary>
    /// After an erasure commits: SQLite zeroes deleted content in place (<c>secure_delete</c>, set on every connection) but
    /// the write-ahead log still holds the pages as they were before; a truncating checkpoint copies the new pages into the
    /// file and empties the log. PostgreSQL's old row versions go at the next vacuum (docs/customers.md).
    /// </summary>
    public static async Task ForgetOverwrittenPagesAsync(this IntegrationDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }
}
