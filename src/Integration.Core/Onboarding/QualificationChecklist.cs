using System.Globalization;

namespace Integration.Core.Onboarding;

/// <summary>
/// The review checklist (domain.md › Onboarding): what the platform can judge by itself from the application and its
/// documents, which criteria are required, and whether an application may be approved for negotiation.
/// </summary>
public static class QualificationChecklist
{
    public const string Platform = "platform";
    public const int LicenceDaysLeft = 90;
    public const int MinimumYearsInBusiness = 3;
    public const int RetailWarehouseSquareMetres = 500;

    /// <summary>ISO certification is preferred, not required; every other criterion is.</summary>
    public static bool IsRequired(QualificationCriterion criterion) => criterion != QualificationCriterion.IsoCertificate;

    /// <summary>The platform's own verdict on a criterion, or <see cref="CriterionVerdict.Pending"/> with the reason it cannot tell.</summary>
    public static (CriterionVerdict Verdict, string Note) Compute(
        QualificationCriterion criterion, PartnerApplication application, DateOnly? licenceExpiresOn, bool hasLicence, bool hasIsoCertificate, DateOnly today) => criterion switch
    {
        QualificationCriterion.LicenceValid when !hasLicence => (CriterionVerdict.Pending, "No business licence uploaded yet."),
        QualificationCriterion.LicenceValid when licenceExpiresOn is null => (CriterionVerdict.Pending, "The business licence has no expiry date: check it by hand."),
        QualificationCriterion.LicenceValid => licenceExpiresOn!.Value >= today.AddDays(LicenceDaysLeft)
            ? (CriterionVerdict.Met, $"The licence is valid until {Date(licenceExpiresOn.Value)}, at least {LicenceDaysLeft} more days.")
            : (CriterionVerdict.NotMet, $"The licence expires on {Date(licenceExpiresOn.Value)}, within {LicenceDaysLeft} days."),
        QualificationCriterion.YearsInBusiness => YearsSince(application.FoundedOn, today) is var years && years >= MinimumYearsInBusiness
            ? (CriterionVerdict.Met, $"Founded {Date(application.FoundedOn)}: {years} years in business.")
            : (CriterionVerdict.NotMet, $"Founded {Date(application.FoundedOn)}: {YearsSince(application.FoundedOn, today)} years in business, fewer than {MinimumYearsInBusiness}."),
        QualificationCriterion.IsoCertificate => hasIsoCertificate
            ? (CriterionVerdict.Met, "An ISO certificate is uploaded: check that it is ISO 9001 or equivalent.")
            : (CriterionVerdict.NotMet, "No ISO certificate uploaded (preferred, not required)."),
        QualificationCriterion.RetailWarehouse when !application.Retail => (CriterionVerdict.NotApplicable, "Not a retail applicant."),
        QualificationCriterion.RetailWarehouse => application.WarehouseAreaSquareMetres >= RetailWarehouseSquareMetres
            ? (CriterionVerdict.Met, $"Warehouse of {application.WarehouseAreaSquareMetres} m².")
            : (CriterionVerdict.NotMet, $"Warehouse of {application.WarehouseAreaSquareMetres} m², less than {RetailWarehouseSquareMetres} m²."),
        QualificationCriterion.RegionCoverage when application.Outlets == 0 => (CriterionVerdict.Pending, "No outlets declared: check the channels in the regions applied for."),
        _ => (CriterionVerdict.Pending, $"{application.Outlets} outlets declared: check that they cover {string.Join(", ", application.Regions)}."),
    };

    /// <summary>The required criteria that stand in the way of an approval: not met, or not judged yet.</summary>
    public static IReadOnlyList<ChecklistItem> Blocking(IEnumerable<ChecklistItem> checklist) =>
        [.. checklist.Where(i => i.Required && i.Verdict is CriterionVerdict.NotMet or CriterionVerdict.Pending)];

    public static int YearsSince(DateOnly foundedOn, DateOnly today)
    {
        var years = today.Year - foundedOn.Year;
        return foundedOn.AddYears(years) > today ? years - 1 : years;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
