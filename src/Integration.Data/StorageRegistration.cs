using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Data;

public enum StorageProvider
{
    Sqlite,
    PostgreSQL,
}

public static class StorageRegistration
{
    public const string DefaultSqliteConnectionString = "Data Source=data/integration.db";

    /// <summary>The provider <c>Storage:Provider</c> names (SQLite when unset).</summary>
    public static StorageProvider ProviderOf(IConfiguration configuration)
    {
        var providerName = configuration["Storage:Provider"] ?? nameof(StorageProvider.Sqlite);
        return Enum.TryParse<StorageProvider>(providerName, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Storage:Provider is '{providerName}'; it must be 'Sqlite' or 'PostgreSQL'.");
    }

    /// <summary>
    /// Registers <see cref="IntegrationDbContext"/> on the provider that <c>Storage:Provider</c> names:
    /// SQLite (default; a file under the content root, created on first run) or PostgreSQL.
    /// </summary>
    public static StorageProvider AddIntegrationStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);

        if (provider == StorageProvider.PostgreSQL)
        {
            var connectionString = configuration.GetConnectionString("PostgreSQL");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Storage:Provider is PostgreSQL but ConnectionStrings:PostgreSQL is not set.");
            }
            var platformConnection = WithPostgresDefaults(connectionString);
            services.AddPooledDbContextFactory<PostgresIntegrationDbContext>(options =>
                options.UseNpgsql(platformConnection, npgsql => npgsql.ExecutionStrategy(d => new ReconnectingExecutionStrategy(d)))
                    .UseOpenIddict().AddInterceptors(EventSequencingInterceptor.Instance).ConfigureWarnings(LogFailuresOnce));
            services.AddScoped<IntegrationDbContext>(Lease<PostgresIntegrationDbContext>);
            services.AddDbContext<DataProtectionKeyStore>(options => options.UseNpgsql(WithoutMultiplexing(platformConnection)));
        }
        else
        {
            var connectionString = ResolveSqliteFile(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnectionString, contentRoot);
            services.AddPooledDbContextFactory<SqliteIntegrationDbContext>(options =>
                options.UseSqlite(connectionString).UseOpenIddict()
                    .AddInterceptors(SqliteTuning.Instance, SqliteWriteGateInterceptor.Instance, EventSequencingInterceptor.Instance).ConfigureWarnings(LogFailuresOnce));
            services.AddScoped<IntegrationDbContext>(Lease<SqliteIntegrationDbContext>);
            services.AddDbContext<DataProtectionKeyStore>(options => options.UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance));
        }
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<CommittedEvents>();
        return provider;
    }

    /// <summary>
    /// EF Core logs every failed command, query, save and transaction as an error, with its SQL. The
    /// platform logs what it does not handle itself (an unexpected failure with its exception, a
    /// database outage once: ADR 0013), so these are debug-level: during an outage they were one
    /// error per request, and a constraint the platform turns into a 409 is not an error. Set
    /// <c>Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command</c> to <c>Debug</c> to see them.
    /// </summary>
    private static void LogFailuresOnce(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug));

    /// <summary>A pooled context for this scope, limited to the scope's tenant (if it has one).</summary>
    private static IntegrationDbContext Lease<TContext>(IServiceProvider services) where TContext : IntegrationDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        var tenant = services.GetService<ITenantResolver>()?.Current;
        db.ScopeTo(tenant?.PartnerId, tenant?.Environment ?? default);
        db.CommittedEvents = services.GetRequiredService<CommittedEvents>();
        return db;
    }

    /// <summary>
    /// Unless the connection string says otherwise: statements the platform runs again and again are
    /// prepared once per connection (PostgreSQL then skips parsing and planning them), and a pooled
    /// connection is handed out again without the DISCARD ALL round trip, which would also drop those
    /// prepared statements. Nothing here leaves session state behind (locks are per transaction).
    /// Commands outside a transaction are multiplexed: requests in flight share a few physical
    /// connections, so PostgreSQL runs a few busy backends instead of one per request (ADR 0012).
    /// Multiplexed commands must be asynchronous; the one synchronous reader, DataProtection's key
    /// ring, gets a connection <see cref="WithoutMultiplexing"/>.
    /// Behind a transaction-mode PgBouncer, set "Max Auto Prepare=0;No Reset On Close=false;Multiplexing=false".
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.ContainsKey("Multiplexing"))
        {
            builder.Multiplexing = true;
        }
        return builder.ToString();
    }

    public static string WithoutMultiplexing(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = false }.ToString();

    private static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        builder.DefaultTimeout = 30;
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    /// <summary>
    /// WAL lets readers run beside the writer, and NORMAL sync is durable across process crashes in WAL
    /// mode. Both are set once per physical connection (the pool hands the same one out again).
    /// </summary>
    private sealed class SqliteTuning : DbConnectionInterceptor
    {
        public static readonly SqliteTuning Instance = new();
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Tuned = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Tune(connection);
            return Task.CompletedTask;
        }

        private static void Tune(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || Tuned.TryGetValue(handle, out _))
            {
                return;
            }
            using var command = connection.CreateCommand();
            // secure_delete: deleted and overwritten content is zeroed, so erased personal data leaves the file (Customers/Erasure.cs).
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;";
            command.ExecuteNonQuery();
            Tuned.AddOrUpdate(handle, handle);
        }
    }
}
