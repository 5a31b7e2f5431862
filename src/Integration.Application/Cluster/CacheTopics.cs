namespace Integration.Application.Cluster;

/// <summary>The <see cref="ClusterSignals"/> topics that tell every instance to drop a cached answer.</summary>
public static class CacheTopics
{
    /// <summary>Message: a credential id whose "is active" answers are stale (revoked, token revoked, rotated).</summary>
    public const string Credential = "cache:credential";

    /// <summary>Message: a partner id whose profile snapshot is stale (tier, status, agreement changed).</summary>
    public const string Partner = "cache:partner";
}
