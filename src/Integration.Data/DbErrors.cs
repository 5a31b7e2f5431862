using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Integration.Data;

public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when the save failed on the unique index <paramref name="indexName"/>. SQLite names the
    /// columns instead of the index, so <paramref name="sqliteColumns"/> gives them as "table.column".
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string indexName, string sqliteColumns) =>
        exception.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == indexName,
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
                                      && sqlite.Message.Contains(sqliteColumns, StringComparison.Ordinal),
            _ => false,
        };
}
