using System.ComponentModel.DataAnnotations;

namespace Integration.Api.OAuth;

/// <summary>How refused token requests reach the audit log: counted, one entry per client id, address and error per interval.</summary>
public sealed class RefusedTokenSummaryOptions
{
    public const string Section = "Audit:RefusedTokenSummaries";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Summaries per interval and instance; refusals past them are counted together in one more.</summary>
    [Range(1, 100_000)]
    public int MaxPerInterval { get; set; } = 1000;
}
