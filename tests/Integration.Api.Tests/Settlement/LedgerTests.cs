using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>The double-entry ledger stays balanced and agrees with the statements, whatever happens in a year.</summary>
public sealed class LedgerTests
{
    private static decimal Parse(JsonNode? money) => decimal.Parse(money!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task After_a_random_run_of_orders_returns_subsidies_and_disputes_debits_equal_credits_and_match_the_statements()
    {
        var random = new Random(20261127);
        await using var platform = await StartAsync(At(2026, 1, 5));
        var partners = new List<SettlementPartner>();
        foreach (var (tier, rating) in new[] { ("basic", "A"), ("advanced", "B"), ("strategic", "C") })
        {
            partners.Add(await platform.NewPartnerAsync(tier, rating, annualTarget: 50_000m));
        }
        var skus = new[] { await platform.ProductForAdvancedAsync(1_234.56m), await platform.ProductForAdvancedAsync(99.99m), await platform.ProductForAdvancedAsync(7_777.77m) };
        var delivered = new List<(SettlementPartner Partner, string Order, int Month)>();
        var admin = await platform.AdminClientAsync();

        for (var month = 1; month <= 4; month++)
        {
            platform.MoveTo(At(2026, month, 5));
            foreach (var partner in partners)
            {
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    delivered.Add((partner, await partner.DeliverOrderAsync(skus[random.Next(skus.Length)], random.Next(1, 6)), month));
                }
                if (random.Next(2) == 0)
                {
                    await platform.RecordSubsidyAsync(partner.Id, random.Next(1, 200_000) + 0.01m * random.Next(100));
                }
            }
            platform.MoveTo(At(2026, month, 20));
            var returned = delivered.Where(d => d.Month == month && random.Next(4) == 0).ToList();   // within the 30-day window
            foreach (var order in returned)
            {
                await order.Partner.ReturnOrderAsync(order.Order);
                delivered.Remove(order);
            }
            var (disputer, disputed, _) = delivered[random.Next(delivered.Count)];
            var client = await disputer.ClientAsync();
            var dispute = await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = disputed, amount = (10 + random.Next(50)).ToString(System.Globalization.CultureInfo.InvariantCulture), reason = "Random check" }))
                .ReadJsonAsync(HttpStatusCode.Created);
            admin = await platform.AdminClientAsync();
            var outcome = random.Next(2) == 0 ? (object)new { outcome = "rejected", note = "no" } : new { outcome = "accepted", adjustment = random.Next(-30, 30) + 0.5m, note = "yes" };
            await (await admin.PostAsJsonAsync($"/admin/v1/disputes/{dispute["id"]}/resolve", outcome)).ReadJsonAsync(HttpStatusCode.OK);

            platform.MoveTo(At(2026, month + 1, 1, 9));
            await platform.CloseAsync($"2026-{month:00}");
            await platform.RunPayoutsAsync();
        }

        var trial = await platform.TrialBalanceAsync();
        Assert.True(trial["balanced"]!.GetValue<bool>(), trial.ToJsonString());
        Assert.Equal(Parse(trial["totalDebits"]), Parse(trial["totalCredits"]));
        var accounts = trial["accounts"]!.AsArray().ToDictionary(a => a!["account"]!.GetValue<string>(), a => Parse(a!["balance"]));

        // What the books say partners are owed (payable − receivable) equals the statements' balances less what was paid out.
        decimal balances = 0, paid = 0;
        foreach (var partner in partners)
        {
            var list = await (await (await partner.ClientAsync()).GetAsync("/v2/settlements")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(4, list["data"]!.AsArray().Count);
            foreach (var statement in list["data"]!.AsArray())
            {
                var lines = statement!["lines"]!.AsArray().Sum(l => Parse(l!["amount"]));
                Assert.Equal(Parse(statement["balance"]), lines);
                balances += lines;
                paid += statement["payouts"]!.AsArray().Where(x => x!["status"]!.GetValue<string>() == "paid").Sum(x => Parse(x!["amount"]));
            }
        }
        var owedByBooks = -accounts.GetValueOrDefault("partner_payable") - accounts.GetValueOrDefault("partner_receivable");
        Assert.Equal(balances - paid, owedByBooks);
        Assert.Equal(-paid, accounts.GetValueOrDefault("bank"));
    }
}
