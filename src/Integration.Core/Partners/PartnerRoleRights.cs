namespace Integration.Core.Partners;

/// <summary>The one map of partner roles to what they may change; the services and the portal's buttons both ask it.</summary>
public static class PartnerRoleRights
{
    public static bool May(PartnerRole role, PartnerWork work) => role switch
    {
        PartnerRole.Owner => true,
        PartnerRole.Developer => work == PartnerWork.Technical,
        PartnerRole.Finance => work == PartnerWork.Money,
        _ => false,
    };
}
