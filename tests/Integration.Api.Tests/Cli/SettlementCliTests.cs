using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Cli;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin settlements</c>, <c>payouts</c> and <c>disputes</c>: the finance and risk desks' commands, on a platform with a clock and a bank gateway of its own.</summary>
public sealed class SettlementCliTests
{
    [Fact]
    public async Task CloseAMonth_ReadTheStatement_FindThePayoutNeedingAttention_AndRetryIt()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var p = await platform.NewPartnerAsync();
        await platform.RecordSubsidyAsync(p.Id, 100_000m);
        platform.MoveTo(At(2026, 5, 1, 8));

        var closed = await platform.RunCliAsync("settlements", "close", "--period", "2026-04", "--environment", "live", "--partner", p.Id, "-o", "json");
        var again = await platform.RunCliAsync("settlements", "close", "--period", "2026-04", "--environment", "live", "--partner", p.Id, "-o", "json");
        var statementId = (await p.StatementAsync("2026-04"))["id"]!.GetValue<string>();
        var statement = await platform.RunCliAsync("settlements", "show", statementId);

        Assert.Equal(1, closed.Json!["closed"]!.GetValue<int>());
        Assert.Equal(1, again.Json!["alreadyClosed"]!.GetValue<int>());
        Assert.Matches(@"(?m)^balance\s+50000\.00 CNY$", statement.Output);

        platform.Bank.Behaviour = GatewayBehaviour.Failing;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await platform.RunPayoutsAsync();
            platform.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var attention = await platform.RunCliAsync("payouts", "attention", "-o", "json");
        var payoutId = attention.Ids.Single();
        var ofStatement = await platform.RunCliAsync("payouts", "list", "--statement", statementId);
        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        var retried = await platform.RunCliAsync("payouts", "retry", payoutId, "-o", "json");
        var retriedTwice = await platform.RunCliAsync("payouts", "retry", payoutId);

        Assert.Equal(3, attention.Json![0]!["attempts"]!.GetValue<int>());
        Assert.Matches($@"(?m)^{payoutId}\s+{p.Id}\s+live\s+{statementId}\s+50000\.00 CNY\s+needs_attention\s+3\s", ofStatement.Output);
        Assert.Equal(0, retried.ExitCode);
        Assert.Equal(ExitCodes.Conflict, retriedTwice.ExitCode);
        Assert.Contains("(invalid_transition)", retriedTwice.Error);
        Assert.Empty((await platform.RunCliAsync("payouts", "attention", "-o", "json")).Json!.AsArray());
    }

    [Fact]
    public async Task OpenDisputes_AreListedAndShown_AndResolving_ClosesThem()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var client = await p.ClientAsync();
        var opened = await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = order, amount = "100.00", reason = "Scratched" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = opened["id"]!.GetValue<string>();
        var viewer = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Viewer);

        var open = await platform.RunCliAsync("disputes", "list", "--status", "open", "--level", "1", "-o", "json");
        var shown = await platform.RunCliAsync("disputes", "show", id);
        var refused = await platform.RunCliAsAsync(viewer, "disputes", "resolve", id, "--outcome", "rejected", "--note", "Matches the order.");
        var resolved = await platform.RunCliAsync("disputes", "resolve", id, "--outcome", "rejected", "--note", "Matches the order.", "-o", "json");
        var noProposal = await platform.RunCliAsync("disputes", "proposal", id);

        Assert.Contains(id, open.Ids);
        Assert.Matches(@"(?m)^amount\s+100\.00 CNY$", shown.Output);
        Assert.Matches(@"(?m)^status\s+open$", shown.Output);
        Assert.Equal(ExitCodes.Forbidden, refused.ExitCode);
        Assert.Equal("rejected", resolved.Json!["status"]!.GetValue<string>());
        Assert.DoesNotContain(id, (await platform.RunCliAsync("disputes", "list", "--status", "open", "--all", "-o", "json")).Ids);
        Assert.Equal(ExitCodes.NotFound, noProposal.ExitCode);
    }
}
