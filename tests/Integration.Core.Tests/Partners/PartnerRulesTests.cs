using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Tests.Partners;

public sealed class PartnerRulesTests
{
    [Theory]
    [InlineData("CN", true)]
    [InlineData("CN-SH", true)]
    [InlineData("CN-SH-PD", true)]
    [InlineData("cn-sh", false)]
    [InlineData("CN-SH-PD-X1", false)]
    [InlineData("CHN", false)]
    [InlineData("", false)]
    public void RegionCodes_AreCountryProvinceCity(string code, bool valid) => Assert.Equal(valid, RegionCode.IsValid(code));

    [Theory]
    [InlineData("CN-SH-PD", "CN-SH", true)]
    [InlineData("CN-SH-PD", "CN", true)]
    [InlineData("CN-SH", "CN-SH", false)]
    [InlineData("CN-SHX", "CN-SH", false)]
    [InlineData("CN-ZJ", "CN-SH", false)]
    public void IsBelow_FollowsTheHierarchy(string code, string ancestor, bool below) =>
        Assert.Equal(below, RegionCode.IsBelow(code, ancestor));

    [Theory]
    [InlineData(PartnerStatus.Active, PartnerStatus.Frozen, true)]
    [InlineData(PartnerStatus.Frozen, PartnerStatus.Active, true)]
    [InlineData(PartnerStatus.Active, PartnerStatus.Exiting, true)]
    [InlineData(PartnerStatus.Exiting, PartnerStatus.Terminated, true)]
    [InlineData(PartnerStatus.Active, PartnerStatus.Terminated, false)]
    [InlineData(PartnerStatus.Terminated, PartnerStatus.Active, false)]
    [InlineData(PartnerStatus.Exiting, PartnerStatus.Active, false)]
    public void StatusMachine(PartnerStatus from, PartnerStatus to, bool allowed) => Assert.Equal(allowed, PartnerStatusMachine.CanMove(from, to));

    [Fact]
    public void ExitingPartners_KeepAThreeMonthBuffer()
    {
        var partner = NewPartner();
        partner.ChangeStatus(PartnerStatus.Exiting, new DateOnly(2026, 11, 30));

        Assert.Equal(new DateOnly(2027, 2, 28), partner.ExitBufferEndsOn);
    }

    [Fact]
    public void Qualification_NeedsLicenceAndVerificationDate()
    {
        var partner = NewPartner();
        Assert.False(partner.IsQualified);
        partner.BusinessLicenceNumber = "91310000MA1FL0000X";
        Assert.False(partner.IsQualified);
        partner.QualificationVerifiedOn = new DateOnly(2026, 1, 5);
        Assert.True(partner.IsQualified);
    }

    [Theory]
    [InlineData(PartnerTier.Basic, 0.10, true)]
    [InlineData(PartnerTier.Basic, 0.20, true)]
    [InlineData(PartnerTier.Basic, 0.2001, false)]
    [InlineData(PartnerTier.Basic, 0.0999, false)]
    [InlineData(PartnerTier.Strategic, 0.30, true)]
    public void BasicAgreements_ChooseADiscountBetween10And20Percent(PartnerTier tier, double discount, bool valid)
    {
        var agreement = new PartnerAgreement { DiscountRate = (decimal)discount };

        var error = Record.Exception(() => PartnerRegistration.CheckAgreement(tier, agreement));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void EffectiveDiscount_IsTheAgreementsOrTheTierDefault()
    {
        var partner = NewPartner();
        Assert.Equal(0.25m, partner.EffectiveDiscount);
        partner.Agreement = new PartnerAgreement { DiscountRate = 0.3m };
        Assert.Equal(0.3m, partner.EffectiveDiscount);
    }

    [Fact]
    public void EnumsAreSpelledLikeTheWire()
    {
        Assert.Equal("exclusive_agency", SnakeCase.Of(CooperationMode.ExclusiveAgency));
        Assert.Equal("A", SnakeCase.Of(CreditRating.A));
        Assert.Equal(CreditRating.C, SnakeCase.Parse<CreditRating>("C"));
        Assert.False(SnakeCase.TryParse<PartnerTier>("Gold", out _));
    }

    private static Partner NewPartner() => new()
    {
        Id = "ptn_1", Name = "P", Tier = PartnerTier.Advanced, CooperationMode = CooperationMode.RegionalDistribution, RegionCode = "CN-SH",
    };
}
