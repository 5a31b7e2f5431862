using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Agreements;

/// <summary>What negotiated terms must satisfy (domain.md › Tier defaults, › Partners, › Onboarding).</summary>
public static class AgreementRules
{
    public const int StrategicTermMonths = 36;
    public const int DefaultTermMonths = 12;
    public const int MaxBrackets = 5;

    public static int DefaultTerm(PartnerTier tier) => tier == PartnerTier.Strategic ? StrategicTermMonths : DefaultTermMonths;

    public static void Check(AgreementTerms terms)
    {
        var errors = new Dictionary<string, string[]>();
        if (terms.DiscountRate is { } discount)
        {
            var (min, max) = TierDefaults.DiscountRange(terms.Tier);
            if (discount < min || discount > max)
            {
                errors["discountRate"] = [$"A {SnakeCase.Of(terms.Tier)} partner's discount must lie between {min:0.##} and {max:0.##}."];
            }
        }
        if (terms.Tier == PartnerTier.Strategic && terms.TermMonths != StrategicTermMonths)
        {
            errors["termMonths"] = [$"A strategic agreement runs {StrategicTermMonths} months (three years)."];
        }
        if (terms.CooperationMode == CooperationMode.ExclusiveAgency && terms.ExclusiveRegion is null)
        {
            errors["exclusiveRegion"] = ["An exclusive agency names the region it holds alone."];
        }
        if (terms.CooperationMode != CooperationMode.ExclusiveAgency && terms.ExclusiveRegion is not null)
        {
            errors["exclusiveRegion"] = ["Only an exclusive agency holds an exclusive region."];
        }
        if (terms.ProfitShareBrackets is { } brackets && WhyBracketsAreInvalid(brackets) is { } why)
        {
            errors["profitShareBrackets"] = [why];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.Unprocessable, "invalid_terms", "The agreement terms are not valid.", errors);
        }
    }

    private static string? WhyBracketsAreInvalid(IReadOnlyList<ProfitShareBracket> brackets)
    {
        if (brackets.Count is 0 or > MaxBrackets)
        {
            return $"Give between 1 and {MaxBrackets} brackets.";
        }
        if (brackets[^1].UpTo is not null || brackets.Take(brackets.Count - 1).Any(b => b.UpTo is null))
        {
            return "Every bracket but the last has an upper limit (upTo); the last has none.";
        }
        var limits = brackets.Take(brackets.Count - 1).Select(b => b.UpTo!.Value).ToList();
        if (limits.Zip(limits.Skip(1)).Any(pair => pair.Second <= pair.First) || limits.Any(l => l <= 0))
        {
            return "Upper limits are positive and rise from one bracket to the next.";
        }
        return null;
    }
}
