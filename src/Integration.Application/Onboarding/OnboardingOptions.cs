using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Onboarding;

public sealed partial class OnboardingOptions : IValidatableObject
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

    /// <summary>
    /// The publishable key of each sign-up site (site name → key), like Stripe's publishable keys: not a secret — it is
    /// in the site's pages — but it names who may call the public application endpoints, each with its own rate
    /// limit per address, and removing it switches that site off. None configured: nobody can apply publicly.
    /// </summary>
    public Dictionary<string, string> ApplicationKeys { get; set; } = [];

    /// <summary>The site a publishable application key belongs to, or null.</summary>
    public string? SiteOf(string? applicationKey)
    {
        if (applicationKey is null)
        {
            return null;
        }
        var presented = System.Text.Encoding.UTF8.GetBytes(applicationKey);
        return ApplicationKeys.FirstOrDefault(site => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(site.Value), presented)).Key;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (site, key) in ApplicationKeys)
        {
            if (!KeyShape().IsMatch(key ?? ""))
            {
                yield return new ValidationResult($"The application key of site '{site}' must be 'apk_' and 20 to 100 letters, digits or '_'.", [nameof(ApplicationKeys)]);
            }
        }
        if (ApplicationKeys.Values.Distinct().Count() != ApplicationKeys.Count)
        {
            yield return new ValidationResult("Two sign-up sites share one application key; give each its own.", [nameof(ApplicationKeys)]);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^apk_[A-Za-z0-9_]{20,100}$")]
    private static partial System.Text.RegularExpressions.Regex KeyShape();
}
