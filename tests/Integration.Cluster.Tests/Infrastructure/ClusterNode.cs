using Integration.Api.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// One instance of the platform on a shared PostgreSQL database and a shared Redis: two nodes on
/// the same <see cref="TestDatabase"/> and key prefix are two servers behind one load balancer.
/// </summary>
public sealed class ClusterNode : PlatformFactory
{
    public ClusterNode(TestDatabase database, string redisConfiguration, string keyPrefix, IReadOnlyDictionary<string, string?>? settings = null)
        : base(database)
    {
        Settings["Redis:Configuration"] = redisConfiguration;
        Settings["Redis:KeyPrefix"] = keyPrefix;
        Settings["Redis:ExpectedInstances"] = "2";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }
}
