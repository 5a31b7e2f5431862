using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Settlement;

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

    /// <summary>Time allowed for one call. A lookup by key is retried within <see cref="TotalTimeout"/>; a payout request never is.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Retries of a lookup by key (GET) on a transient failure. Payout requests (POST) are never retried by the HTTP client.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    /// <summary>First wait between retries of one call; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The circuit opens only once at least this many calls were made within <see cref="CircuitSamplingDuration"/>.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Share of failed calls (5xx, 408, 429, timeouts, network errors) within the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>How far back the circuit counts calls.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open: payouts that come up meanwhile are not attempted and wait until it ends.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
