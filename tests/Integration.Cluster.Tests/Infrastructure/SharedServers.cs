namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL and one Redis server for the whole cluster suite (each test gets its own database
/// and key prefix on them), stopped when the test process ends. A test that stops a server starts
/// its own instead.
/// </summary>
public static class SharedServers
{
    private static readonly Lazy<Task<OwnPostgresServer>> Postgres = new(() => StopAtExit(OwnPostgresServer.StartAsync()));
    private static readonly Lazy<Task<OwnRedisServer>> Redis = new(() => StopAtExit(OwnRedisServer.StartAsync()));

    public static Task<OwnPostgresServer> PostgresAsync() => Postgres.Value;

    public static Task<OwnRedisServer> RedisAsync() => Redis.Value;

    private static async Task<T> StopAtExit<T>(Task<T> starting) where T : IAsyncDisposable
    {
        var server = await starting;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
