using Integration.Core.Partners;

namespace Integration.Core.Tests.Partners;

public sealed class PartnerRoleRightsTests
{
    [Theory]
    [InlineData(PartnerRole.Owner, PartnerWork.Stock, true)]
    [InlineData(PartnerRole.Developer, PartnerWork.Stock, false)]
    [InlineData(PartnerRole.Finance, PartnerWork.Stock, false)]
    [InlineData(PartnerRole.Viewer, PartnerWork.Stock, false)]
    [InlineData(PartnerRole.Finance, PartnerWork.Money, true)]
    [InlineData(PartnerRole.Developer, PartnerWork.Technical, true)]
    [InlineData(PartnerRole.Viewer, PartnerWork.Money, false)]
    public void Only_the_roles_domain_md_names_may_change_an_area(PartnerRole role, PartnerWork work, bool may) =>
        Assert.Equal(may, PartnerRoleRights.May(role, work));
}
