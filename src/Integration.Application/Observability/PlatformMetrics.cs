using System.Diagnostics.Metrics;
using Integration.Core.Common;

namespace Integration.Application.Observability;

/// <summary>
/// The business signals of the platform, on the <c>PartnerPlatform</c> meter (exported through OTLP and
/// the Prometheus scrape endpoint; docs/operations.md says what to alert on). Tags stay low-cardinality:
/// outcome, environment, API version, rate-limit policy — never a partner or client id.
/// </summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "PartnerPlatform";

    // One meter for the process, not one per host from IMeterFactory: several hosts in one process (the
    // tests) would otherwise register the same instruments twice, and disposing one host's meter stops the
    // shared stream in every other host's exporter.
    private static readonly Meter Meter = new(MeterName, typeof(PlatformMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> TokensIssued =
        Meter.CreateCounter<long>("partner_platform.tokens.issued", "{token}", "Access tokens issued by /connect/token.");
    private static readonly Counter<long> OrdersCreated =
        Meter.CreateCounter<long>("partner_platform.orders.created", "{order}", "Orders created (idempotent replays not counted).");
    private static readonly Counter<long> StockAdjustments =
        Meter.CreateCounter<long>("partner_platform.stock.adjustments", "{adjustment}", "Stock levels changed by a partner (set, adjusted, bulk or imported rows), by reason.");
    private static readonly Counter<long> WebhookDeliveries =
        Meter.CreateCounter<long>("partner_platform.webhooks.deliveries", "{delivery}", "Webhook delivery attempts by outcome.");
    private static readonly Histogram<double> WebhookLag = Meter.CreateHistogram<double>("partner_platform.webhooks.delivery_lag", "s",
        "From the event's occurrence to its successful delivery.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 21600] });
    private static readonly Counter<long> Payouts =
        Meter.CreateCounter<long>("partner_platform.payouts", "{payout}", "Payout runs by outcome.");
    private static readonly Counter<long> RateLimitRejections =
        Meter.CreateCounter<long>("partner_platform.rate_limit.rejections", "{request}", "Requests refused with 429.");
    private static readonly Histogram<double> PeriodCloseDuration = Meter.CreateHistogram<double>("partner_platform.settlement.period_close.duration", "s",
        "How long closing one settlement period took.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 1800, 3600] });
    private static readonly Counter<long> IdempotentReplays =
        Meter.CreateCounter<long>("partner_platform.idempotency.replays", "{request}", "Retries answered with the recorded response.");

    private static readonly Counter<long> LogRowsDropped =
        Meter.CreateCounter<long>("partner_platform.logs.dropped", "{row}", "Rows of a call log (request log, simulator calls) dropped because the write queue was full.");

    public void LogRowDropped(string log) => LogRowsDropped.Add(1, new KeyValuePair<string, object?>("log", log));

    public void TokenIssued(string credentialKind, ApiEnvironment? environment) =>
        TokensIssued.Add(1, new("credential_kind", credentialKind), new("environment", EnvironmentTag(environment)));

    public void OrderCreated(ApiEnvironment environment, string apiVersion) =>
        OrdersCreated.Add(1, new("environment", EnvironmentTag(environment)), new("api_version", apiVersion));

    public void StockAdjusted(string reason) =>
        StockAdjustments.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void WebhookDelivered(ApiEnvironment environment, bool succeeded, TimeSpan sinceEvent)
    {
        WebhookDeliveries.Add(1, new("environment", EnvironmentTag(environment)), new("outcome", succeeded ? "succeeded" : "failed"));
        if (succeeded)
        {
            WebhookLag.Record(Math.Max(0, sinceEvent.TotalSeconds), new KeyValuePair<string, object?>("environment", EnvironmentTag(environment)));
        }
    }

    public void PayoutRun(ApiEnvironment environment, string outcome) =>
        Payouts.Add(1, new("environment", EnvironmentTag(environment)), new("outcome", outcome));

    public void RateLimitRejected(string policy) =>
        RateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    /// <summary>Scope "period": every partner of the environment (the monthly job); "partner": one partner's statement.</summary>
    public void PeriodClosed(ApiEnvironment environment, bool wholePeriod, TimeSpan duration, bool succeeded) =>
        PeriodCloseDuration.Record(duration.TotalSeconds, new("environment", EnvironmentTag(environment)),
            new("scope", wholePeriod ? "period" : "partner"), new("outcome", succeeded ? "closed" : "failed"));

    public void IdempotentReplay(string method) =>
        IdempotentReplays.Add(1, new KeyValuePair<string, object?>("http.request.method", method));

    private static string EnvironmentTag(ApiEnvironment? environment) => environment switch
    {
        ApiEnvironment.Live => "live",
        ApiEnvironment.Sandbox => "sandbox",
        _ => "none",
    };
}
