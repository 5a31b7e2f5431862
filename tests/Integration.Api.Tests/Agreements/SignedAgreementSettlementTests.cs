using System.Net;
using Integration.Api.Tests.Settlement;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Agreements;

/// <summary>Settlement computes with the signed agreement: its payment term and profit-share brackets, not the defaults.</summary>
public sealed class SignedAgreementSettlementTests
{
    [Fact]
    public async Task TheWorkedExample_UnderANegotiatedAgreement_UsesItsBracketsAndPaymentTerm()
    {
        await using var platform = await StartAsync(At(2026, 1, 10));
        var partnerId = await platform.OnboardingPartnerAsync();
        var terms = AgreementPlatform.Terms(tier: "advanced", target: 3_000_000m, paymentTermDays: 45);
        terms["profitShareBrackets"] = new object[] { new { upTo = 1_000_000m, rate = 0.15m }, new { rate = 0.25m } };
        var version = await platform.DraftAsync(partnerId, terms);
        (await platform.SignEverythingAsync(partnerId, version["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var p = new SettlementPartner(platform, partnerId, await platform.IssueCredentialAsync(partnerId, "live"), "B");
        var sku = await platform.ProductForAdvancedAsync(100_000m);

        for (var i = 0; i < 5; i++) await p.DeliverOrderAsync(sku, 1);          // January 500,000
        platform.MoveTo(At(2026, 2, 10));
        await p.DeliverOrderAsync(sku, 4);                                        // February 400,000
        platform.MoveTo(At(2026, 3, 10));
        await p.DeliverOrderAsync(sku, 3);                                        // March 300,000
        platform.MoveTo(At(2026, 4, 2));
        await platform.CloseAsync("2026-03", p.Id);
        var march = await p.StatementAsync("2026-03");

        var lines = march.Lines();
        Assert.Equal(-300_000.00m, lines["order_charges"]);
        Assert.Equal(65_000.00m, lines["profit_share"]);                          // (150,000 + 25% of 200,000) − 135,000
        Assert.Equal(-3_000.00m, lines["development_fund"]);
        Assert.Equal("-238000.00", march.Amount("balance"));
        Assert.Equal("2026-05-15", march["dueDate"]!.GetValue<string>());        // 2026-03-31 + 45 days, not rating B's 30
    }
}
