using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Reminders;

/// <summary>The <c>Reminders</c> section: how often the reminders job looks for what is due.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether this instance takes part in the job (one instance at a time runs it, under a lease).</summary>
    public bool RunInBackground { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Reminders:Interval must be between 10 seconds and 1 day.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a run may take before another instance may run the job.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Reminders:Lease must be between 30 seconds and 1 hour.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
