using System.ComponentModel.DataAnnotations;

namespace Integration.Api.RateLimiting;

/// <summary>Failed attempts tolerated, refilled evenly over <see cref="Per"/>; past them one try per <c>Per ÷ Attempts</c>.</summary>
public sealed class FailureAllowance
{
    [Range(1, 1_000_000)]
    public int Attempts { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Per { get; set; }
}
