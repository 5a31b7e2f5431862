using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Onboarding;

public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    /// <summary>How long the link of a confirmation e-mail works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The page the confirmation e-mail links to, with <c>?token=…</c> appended (the partner portal's confirmation page).
    /// Unset, the e-mail names the API's <c>POST /v2/applications/confirm</c> on the platform's own address.
    /// </summary>
    [Url]
    public string? ConfirmationPageUrl { get; set; }
}
