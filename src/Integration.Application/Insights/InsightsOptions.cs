using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Insights;

/// <summary>The <c>Insights</c> section: the sales aggregates, and how often the stock snapshot and quarter-end jobs look for what is due.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>
    /// Whether deliveries and returns add to the sales aggregates (on by default). Off only to measure what the
    /// aggregates cost (tests/Integration.Benchmarks insights): the KPIs then miss every move made meanwhile until a rebuild.
    /// </summary>
    public bool MaintainAggregates { get; set; } = true;

    /// <summary>Whether this instance takes part in the jobs (one instance at a time runs each, under a lease).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the jobs look; a day's snapshot is taken on the first run after the day's 00:00.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Insights:Interval must be between 10 seconds and 1 hour.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a run may take before another instance may run the job.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Insights:Lease must be between 30 seconds and 1 hour.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An environment's clock jumped further than this since the last snapshot (a long sandbox advance): older days are not filled in.</summary>
    [Range(1, 800)]
    public int MaxCatchUpDays { get; set; } = 800;

    /// <summary>
    /// Grade targets per cooperation mode, keyed by its name (<c>exclusive_agency</c>, <c>regional_distribution</c>, <c>co_branding</c>);
    /// a mode not named here uses domain.md's defaults.
    /// </summary>
    public Dictionary<string, GradeTargetOptions> Grades { get; set; } = [];

    public GradeTargetOptions GradeTargetsFor(Core.Partners.CooperationMode mode) =>
        Grades.GetValueOrDefault(Core.Common.SnakeCase.Of(mode)) ?? new GradeTargetOptions();

    public Hosting.JobSchedule Schedule => new(RunInBackground, Interval, Lease);
}
