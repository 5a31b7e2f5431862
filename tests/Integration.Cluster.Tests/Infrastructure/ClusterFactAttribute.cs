namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>A test that starts its own Redis and PostgreSQL servers; reported as skipped, with the reason, where they are not installed.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (ServerTools.Missing is { } missing)
        {
            Skip = missing;
        }
    }
}
