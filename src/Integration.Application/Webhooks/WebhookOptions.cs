using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Webhooks;

namespace Integration.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Only https:// targets (Production). Development and tests may allow http://.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Host names (as written in the URL) exempt from the address check, for local receivers in
    /// Development and tests. Empty in Production: every target must resolve to a public address.
    /// </summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this instance runs the dispatcher (tests drive it by hand).</summary>
    public bool DispatchInBackground { get; set; } = true;

    /// <summary>How often the dispatcher looks for work it was not woken for (retries due; other instances' events without Redis).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Subscriptions delivered to at the same time; a slow receiver holds one of these, never the others.</summary>
    [Range(1, 512)]
    public int Concurrency { get; set; } = 32;

    /// <summary>Events read per subscription at once; their log rows are written together.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 1000)]
    public int MaxSubscriptionsPerPartner { get; set; } = 20;

    /// <summary>How long the old secret keeps signing after a rotation, unless the rotation says otherwise.</summary>
    public TimeSpan DefaultSecretOverlap { get; set; } = TimeSpan.FromHours(24);

    public static RetrySchedule ScheduleFor(ApiEnvironment environment) =>
        environment == ApiEnvironment.Sandbox ? RetrySchedule.Sandbox : RetrySchedule.Live;
}
