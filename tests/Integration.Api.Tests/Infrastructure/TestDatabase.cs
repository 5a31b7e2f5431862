using Microsoft.Data.Sqlite;
using Npgsql;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, real database for one test host: a SQLite file, or a PostgreSQL database when
/// TEST_STORAGE_PROVIDER=PostgreSQL (with TEST_POSTGRES_CONNECTION naming the server).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresAdminConnection;
    private readonly string? _postgresName;

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("TEST_STORAGE_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public TestDatabase() : this(UsesPostgres
        ? Environment.GetEnvironmentVariable("TEST_POSTGRES_CONNECTION")
            ?? throw new InvalidOperationException("TEST_STORAGE_PROVIDER=PostgreSQL needs TEST_POSTGRES_CONNECTION (e.g. Host=127.0.0.1;Port=55432;Username=postgres).")
        : null)
    {
    }

    /// <summary>A fresh database on the PostgreSQL server named (whatever TEST_STORAGE_PROVIDER says), or a SQLite file when null.</summary>
    public TestDatabase(string? postgresAdminConnection)
    {
        if (postgresAdminConnection is not null)
        {
            Provider = "PostgreSQL";
            _postgresAdminConnection = postgresAdminConnection;
            _postgresName = "it_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(_postgresAdminConnection))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{_postgresName}\"";
                command.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdminConnection) { Database = _postgresName }.ToString();
        }
        else
        {
            Provider = "Sqlite";
            var folder = Path.Combine(Path.GetTempPath(), "integration-tests");
            Directory.CreateDirectory(folder);
            _sqlitePath = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            ConnectionString = $"Data Source={_sqlitePath}";
        }
    }

    public void Dispose()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        else if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdminConnection);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
