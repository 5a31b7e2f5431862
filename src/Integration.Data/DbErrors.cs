using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Integration.Data;

public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when the save failed on the unique index <paramref name="indexName"/>. SQLite names the
    /// columns instead of the index, so <paramref name="sqliteColumns"/> gives them as "table.column".
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string indexName, string sqliteColumns) =>
        Violates(exception.InnerException, indexName, sqliteColumns);

    /// <summary>As for a save, for a statement run directly (the set-based writes).</summary>
    public static bool IsUniqueViolation(this System.Data.Common.DbException exception, string indexName, string sqliteColumns) =>
        Violates(exception, indexName, sqliteColumns);

    private static bool Violates(Exception? exception, string indexName, string sqliteColumns) =>
        exception switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == indexName,
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
                                      && sqlite.Message.Contains(sqliteColumns, StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>
    /// The one place that decides whether a failure is the database's transient state rather than
    /// the request's fault. Looks through the wrappers EF Core adds (<see cref="DbUpdateException"/>,
    /// "likely due to a transient failure", <see cref="RetryLimitExceededException"/>) to the
    /// provider's exception.
    /// </summary>
    public static DbFailure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return Classify(pg.SqlState);
                case NpgsqlException npgsql:
                    // Not an error the server sent: the connection failed (refused, reset, timed out, or no
                    // pooled connection freed up in time). Npgsql calls exactly these transient.
                    return npgsql.IsTransient ? DbFailure.Unavailable : DbFailure.None;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked ? DbFailure.Contention : DbFailure.None;
                case SocketException:
                    return DbFailure.Unavailable;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    return aggregate.InnerExceptions.Select(Classify).FirstOrDefault(f => f != DbFailure.None);
            }
        }
        return DbFailure.None;
    }

    public static bool IsTransient(Exception exception) => Classify(exception) != DbFailure.None;

    /// <summary>
    /// True when the failure happened before anything reached a database session: the connection was
    /// refused, or the server turned it away while starting, stopping or full. Whatever the operation
    /// was, it did not run, so running it again is always safe (<see cref="ReconnectingExecutionStrategy"/>).
    /// A connection that broke later (57P01 admin_shutdown, a reset socket) may have run the last
    /// command, even committed it, so that is not this.
    /// </summary>
    public static bool ServerNeverReached(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                        or PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection or PostgresErrorCodes.SqlServerRejectedEstablishmentOfSqlConnection;
                case NpgsqlException { InnerException: SocketException socket }:
                    // Npgsql wraps a failed connect directly ("Failed to connect to …"); a failure on an open
                    // connection comes wrapped in an IOException ("Exception while reading from stream").
                    return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable
                        or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.TryAgain;
                case NpgsqlException:
                case SqliteException:
                    return false;
            }
        }
        return false;
    }

    private static DbFailure Classify(string sqlState) => sqlState switch
    {
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => DbFailure.Unavailable, // connection exception
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.IdleSessionTimeout => DbFailure.Unavailable,
        _ when sqlState.StartsWith("53", StringComparison.Ordinal) => DbFailure.Unavailable, // insufficient resources: too many connections, disk full, out of memory
        PostgresErrorCodes.SystemError or PostgresErrorCodes.IoError => DbFailure.Unavailable,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable => DbFailure.Contention,
        _ => DbFailure.None,
    };
}
