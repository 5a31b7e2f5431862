using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Integration.Data;

public static class DatabaseConnections
{
    /// <summary>
    /// Drops the pooled PostgreSQL connections (idle ones now, busy ones when they are returned). After
    /// the server went away, every idle pooled connection is dead, and each would fail the next request
    /// that takes it, long after the server is back; new ones are opened as needed. Nothing to do on SQLite.
    /// </summary>
    public static void DropPooled(IntegrationDbContext db)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}
