using Integration.Core.Common;

namespace Integration.Core.Partners;

/// <summary>The rules a new or changed partner record must satisfy before it is stored.</summary>
public static class PartnerRegistration
{
    public static void CheckAgreement(PartnerTier tier, PartnerAgreement agreement)
    {
        var errors = new Dictionary<string, string[]>();
        if (agreement.DiscountRate is { } discount)
        {
            var (min, max) = TierDefaults.DiscountRange(tier);
            if (discount < min || discount > max)
            {
                errors["agreement.discountRate"] =
                    [$"A {SnakeCase.Of(tier)} partner's discount must lie between {min:0.##} and {max:0.##}."];
            }
        }
        if (agreement.AnnualTarget is < 0)
        {
            errors["agreement.annualTarget"] = ["The annual target cannot be negative."];
        }
        if (agreement.AnnualPurchaseCommitment is < 0)
        {
            errors["agreement.annualPurchaseCommitment"] = ["The annual purchase commitment cannot be negative."];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "The agreement values are not valid.", errors);
        }
    }

    /// <summary>A sub-distributor sits below a regional distributor, in a region below the parent's.</summary>
    public static void CheckParent(Partner? parent, string parentId, string regionCode)
    {
        if (parent is null)
        {
            throw new DomainException(ErrorKind.Unprocessable, "parent_not_found", $"No partner with id '{parentId}' exists.",
                new Dictionary<string, string[]> { ["parentPartnerId"] = [$"No partner with id '{parentId}' exists."] });
        }
        if (parent.CooperationMode != CooperationMode.RegionalDistribution)
        {
            throw new DomainException(ErrorKind.Unprocessable, "invalid_parent",
                "Only a regional distributor can have sub-distributors.",
                new Dictionary<string, string[]> { ["parentPartnerId"] = ["The parent must be a regional distributor."] });
        }
        if (!RegionCode.IsBelow(regionCode, parent.RegionCode))
        {
            throw new DomainException(ErrorKind.Unprocessable, "invalid_parent",
                $"A sub-distributor's region must lie below its parent's region '{parent.RegionCode}'.",
                new Dictionary<string, string[]> { ["regionCode"] = [$"Must lie below '{parent.RegionCode}'."] });
        }
    }

    public static DomainException ExclusiveAgentExists(string regionCode) =>
        new(ErrorKind.Conflict, "exclusive_agent_exists",
            $"Region '{regionCode}' already has an active exclusive agent.");
}
