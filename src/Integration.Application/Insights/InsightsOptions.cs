namespace Integration.Application.Insights;

/// <summary>The <c>Insights</c> section.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>
    /// Whether deliveries and returns add to the sales aggregates (on by default). Off only to measure what the
    /// aggregates cost (tests/Integration.Benchmarks insights): the KPIs then miss every move made meanwhile until a rebuild.
    /// </summary>
    public bool MaintainAggregates { get; set; } = true;
}
