using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Partners;

namespace Integration.Core.Tests.Partners;

/// <summary>domain.md › Partners (frozen, exiting) and › Disputes (level 3 freezes the account).</summary>
public sealed class TradingStandingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData(PartnerStatus.Active, false, null)]
    [InlineData(PartnerStatus.Exiting, false, null)]
    [InlineData(PartnerStatus.Frozen, false, "The partner account is frozen")]
    [InlineData(PartnerStatus.Terminated, false, "The partner account is terminated")]
    [InlineData(PartnerStatus.Active, true, TradingStanding.FrozenByDispute)]
    public void Frozen_and_terminated_accounts_and_an_open_level_3_dispute_stop_orders_inventory_and_payouts(
        PartnerStatus status, bool openFreezingDispute, string? why)
    {
        Assert.Equal(why, TradingStanding.WhyMayNotTrade(status, openFreezingDispute));

        var refusal = Record.Exception(() => TradingStanding.EnsureMayTrade(status, openFreezingDispute)) as DomainException;
        Assert.Equal(why is null ? null : "account_frozen", refusal?.Code);
        Assert.Equal(why is null ? null : ErrorKind.Forbidden, refusal?.Kind);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Only_a_level_3_dispute_freezes_the_account(int level, bool freezes)
    {
        Assert.Equal(freezes, DisputeLevels.FreezesAccount(level));
        Assert.Equal(freezes, level == DisputeLevels.FreezingLevel); // what the stores' queries compare with
    }

    [Fact]
    public void A_dispute_over_500000_opens_at_the_level_that_freezes()
    {
        Assert.True(DisputeLevels.FreezesAccount(DisputeLevels.For(500_000.01m)));
        Assert.False(DisputeLevels.FreezesAccount(DisputeLevels.For(500_000m)));
    }

    [Theory]
    [InlineData("2026-11-30", "2027-02-28", null)]   // the buffer's last day: orders still accepted
    [InlineData("2026-11-30", "2027-03-01", "account_exited")]
    [InlineData("2026-08-31", "2026-12-03", "account_exited")] // 31 Aug + 3 months = 30 Nov, ended
    public void An_exiting_partner_orders_until_its_three_month_buffer_ends(string exitDate, string today, string? code)
    {
        var partner = new Partner { Id = "ptn_1", Name = "P", Tier = PartnerTier.Basic, CooperationMode = CooperationMode.RegionalDistribution, RegionCode = "CN-SH" };
        partner.ChangeStatus(PartnerStatus.Exiting, DateOnly.Parse(exitDate, System.Globalization.CultureInfo.InvariantCulture));

        var refusal = Record.Exception(() => TradingStanding.EnsureMayPlaceOrder(partner, openFreezingDispute: false,
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))) as DomainException;

        Assert.Equal(code, refusal?.Code);
    }

    [Fact]
    public void A_frozen_partner_may_not_place_an_order_even_inside_an_exit_buffer()
    {
        var partner = new Partner { Id = "ptn_1", Name = "P", Tier = PartnerTier.Basic, CooperationMode = CooperationMode.RegionalDistribution, RegionCode = "CN-SH" };

        var refusal = Record.Exception(() => TradingStanding.EnsureMayPlaceOrder(partner, openFreezingDispute: true, Today)) as DomainException;

        Assert.Equal("account_frozen", refusal?.Code);
    }
}
