namespace Integration.Core.Partners;

/// <summary>Which status changes a partner record allows.</summary>
public static class PartnerStatusMachine
{
    public static bool CanMove(PartnerStatus from, PartnerStatus to) => (from, to) switch
    {
        (PartnerStatus.Onboarding, PartnerStatus.Active) => true,
        (PartnerStatus.Onboarding, PartnerStatus.Terminated) => true,
        (PartnerStatus.Active, PartnerStatus.Frozen) => true,
        (PartnerStatus.Frozen, PartnerStatus.Active) => true,
        (PartnerStatus.Active or PartnerStatus.Frozen, PartnerStatus.Exiting) => true,
        (PartnerStatus.Exiting, PartnerStatus.Terminated) => true,
        _ => false,
    };
}
