using Integration.Api.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// Two instances of the platform (A and B) on one PostgreSQL database and one Redis, as behind a
/// load balancer. By default both servers are the suite's shared ones; a test that stops a server
/// passes its own.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(TestDatabase database, ClusterNode a, ClusterNode b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }
    public ClusterNode A { get; }
    public ClusterNode B { get; }

    /// <param name="settingsOfB">B's own settings, over <paramref name="settings"/> (e.g. only B dispatches).</param>
    public static async Task<TwoInstances> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, OwnRedisServer? redis = null, OwnPostgresServer? postgres = null,
        IReadOnlyDictionary<string, string?>? settingsOfB = null)
    {
        redis ??= await SharedServers.RedisAsync();
        postgres ??= await SharedServers.PostgresAsync();
        var database = new TestDatabase(postgres.AdminConnection);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10] + ":";
        var a = new ClusterNode(database, redis.Configuration, prefix, settings);
        var ofB = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in settingsOfB ?? new Dictionary<string, string?>())
        {
            ofB[key] = value;
        }
        var b = new ClusterNode(database, redis.Configuration, prefix, ofB);
        await a.InitializeAsync(); // migrates the database first
        await b.InitializeAsync();
        return new TwoInstances(database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Database.Dispose();
    }
}
