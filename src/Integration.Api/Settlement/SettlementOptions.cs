using System.ComponentModel.DataAnnotations;

namespace Integration.Api.Settlement;

/// <summary>The <c>Settlement</c> section: when months close and how payouts reach the bank gateway.</summary>
public sealed class SettlementOptions
{
    public const string Section = "Settlement";

    /// <summary>IANA or Windows time zone whose midnight after the month ends (plus <see cref="CloseDelay"/>) triggers the close.</summary>
    [Required]
    public string CloseTimeZone { get; set; } = "UTC";

    /// <summary>Wait after the month ends, so late delivery confirmations land in the right month.</summary>
    public TimeSpan CloseDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether this instance closes months and sends payouts on its own (tests drive them by hand).</summary>
    public bool RunInBackground { get; set; } = true;

    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 50)]
    public int PayoutMaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed payout attempt; doubles with each further failure.</summary>
    public TimeSpan PayoutRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an instance owns a payout it is sending; another instance takes over after that.</summary>
    public TimeSpan PayoutLease { get; set; } = TimeSpan.FromMinutes(2);

    public BankGatewayOptions BankGateway { get; set; } = new();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(CloseTimeZone);
}

public sealed class BankGatewayOptions
{
    /// <summary>Base URL of the bank gateway (docs/settlement.md › The bank gateway contract).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://localhost:5090/");

    /// <summary>Time allowed for one call; the resilience pipeline retries within <see cref="TotalTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(40);

    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    /// <summary>First wait between retries of one call; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
