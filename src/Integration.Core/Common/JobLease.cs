namespace Integration.Core.Common;

/// <summary>A periodic job that runs on one instance at a time: the instance holding the lease until <see cref="LeaseUntil"/>.</summary>
public sealed class JobLease
{
    public required string Job { get; init; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}
