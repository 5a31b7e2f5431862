using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>domain.md › Disputes through the API: levels, SLA, freeze, holds on payouts, resolution.</summary>
public sealed class DisputeTests
{
    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, object body) => await client.PostAsJsonAsync("/v2/disputes", body);

    /// <summary>Resolves as the brand; a level-3 proposal (202) is approved by a second risk person, as four-eyes wants.</summary>
    private static async Task<JsonNode> ResolveAsync(SettlementPlatform platform, string id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var admin = await platform.AdminClientAsync();
        var response = await admin.PostAsJsonAsync($"/admin/v1/disputes/{id}/resolve", body);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return await response.ReadJsonAsync(expected);
        }
        return await (await (await platform.ApproverClientAsync()).PostAsync($"/admin/v1/disputes/{id}/resolution-proposal/approve", null)).ReadJsonAsync(expected);
    }

    [Fact]
    public async Task A_level_3_resolution_is_proposed_by_one_risk_person_and_takes_effect_when_another_approves()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(600_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var client = await p.ClientAsync();
        var id = (await (await OpenAsync(client, new { orderId = order, amount = "500000.01", reason = "Wrong goods" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var proposer = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Risk);
        var second = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Risk);
        var legal = await platform.ClientWithRoleAsync(Core.Credentials.InternalRole.Legal);

        await (await legal.PostAsJsonAsync($"/admin/v1/disputes/{id}/resolve", new { outcome = "rejected", note = "No." }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        var proposal = await (await proposer.Client.PostAsJsonAsync($"/admin/v1/disputes/{id}/resolve", new { outcome = "accepted", adjustment = 1000m, note = "Partly damaged." }))
            .ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(proposer.ClientId, proposal["proposedBy"]!.GetValue<string>());
        var stillOpen = await (await client.GetAsync($"/v2/disputes/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("open", stillOpen["status"]!.GetValue<string>());
        Assert.True(stillOpen["freezesAccount"]!.GetValue<bool>());

        await (await proposer.Client.PostAsync($"/admin/v1/disputes/{id}/resolution-proposal/approve", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "four_eyes_required");
        var resolved = await (await second.Client.PostAsync($"/admin/v1/disputes/{id}/resolution-proposal/approve", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("accepted", resolved["status"]!.GetValue<string>());
        Assert.False(resolved["freezesAccount"]!.GetValue<bool>());
        var entry = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == id && e.Action == "dispute.accepted").SingleAsync());
        Assert.Equal(second.ClientId, entry.Actor);
        Assert.Contains($"\"proposedBy\":\"{proposer.ClientId}\"", entry.Details);
        Assert.Contains("\"actorRoles\":[\"risk\"]", entry.Details);
    }

    [Fact]
    public async Task Each_level_needs_its_own_role()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(600_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var client = await p.ClientAsync();
        var level1 = (await (await OpenAsync(client, new { orderId = order, amount = "100.00", reason = "Scratched" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var level2 = (await (await OpenAsync(client, new { orderId = order, amount = "60000.00", reason = "Wrong model" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var manager = await platform.ClientWithRoleAsync(Core.Credentials.InternalRole.RegionalManager);
        var legal = await platform.ClientWithRoleAsync(Core.Credentials.InternalRole.Legal);
        var rejected = new { outcome = "rejected", note = "Matches the order." };

        var problem = await (await manager.PostAsJsonAsync($"/admin/v1/disputes/{level2}/resolve", rejected)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        Assert.Contains("disputes.resolve_level_2", problem["detail"]!.GetValue<string>());
        await (await legal.PostAsJsonAsync($"/admin/v1/disputes/{level1}/resolve", rejected)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        await (await manager.PostAsJsonAsync($"/admin/v1/disputes/{level1}/resolve", rejected)).ReadJsonAsync(HttpStatusCode.OK);
        await (await legal.PostAsJsonAsync($"/admin/v1/disputes/{level2}/resolve", rejected)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("49999.99", 1, "regional_manager")]
    [InlineData("50000.00", 2, "legal")]
    [InlineData("500000.00", 2, "legal")]
    [InlineData("500000.01", 3, "risk_committee")]
    public async Task The_amount_sets_the_level_and_who_handles_it(string amount, int level, string assignee)
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(600_000m);
        var order = await p.DeliverOrderAsync(sku, 1);

        var dispute = await (await OpenAsync(await p.ClientAsync(), new { orderId = order, amount, reason = "Damaged on arrival" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(level, dispute["level"]!.GetValue<int>());
        Assert.Equal(assignee, dispute["assignee"]!.GetValue<string>());
        Assert.Equal(amount, dispute["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal(level == 3, dispute["freezesAccount"]!.GetValue<bool>());
        if (level == 1)
        {
            Assert.Equal(At(2026, 6, 3), dispute["slaDeadline"]!.GetValue<DateTimeOffset>());
        }
        else
        {
            Assert.Null(dispute["slaDeadline"]);
        }
    }

    [Fact]
    public async Task A_level_1_dispute_past_48_hours_is_reported_as_breached()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var id = (await (await OpenAsync(await p.ClientAsync(), new { orderId = order, amount = "10.00", reason = "Short shipped" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var admin = await platform.AdminClientAsync();
        var breached = await (await admin.GetAsync("/admin/v1/disputes?slaBreached=true")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(breached["data"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id);

        platform.Clock.Advance(TimeSpan.FromHours(49));
        admin = await platform.AdminClientAsync();
        breached = await (await admin.GetAsync("/admin/v1/disputes?slaBreached=true")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(breached["data"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id && d["slaBreached"]!.GetValue<bool>());
        var seen = await (await (await p.ClientAsync()).GetAsync($"/v2/disputes/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(seen["slaBreached"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_level_3_dispute_freezes_the_account_until_it_is_resolved_and_only_in_its_environment()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(600_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var client = await p.ClientAsync();
        var dispute = await (await OpenAsync(client, new { orderId = order, amount = "500000.01", reason = "Wrong goods" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = dispute["id"]!.GetValue<string>();

        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-FROZEN", (sku, 1)))).ReadProblemAsync(HttpStatusCode.Forbidden, "account_frozen");
        var location = await (await client.PostAsJsonAsync("/v2/locations", new { name = "Store", regionCode = "CN-SH", type = "store" })).ReadJsonAsync(HttpStatusCode.Created);
        var adjust = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/adjustments")
        {
            Content = JsonContent.Create(new { locationId = location["id"]!.GetValue<string>(), sku, delta = 5, reason = "received" }),
        };
        adjust.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await client.SendAsync(adjust)).ReadProblemAsync(HttpStatusCode.Forbidden, "account_frozen");
        await (await client.GetAsync($"/v2/orders/{order}")).ReadJsonAsync(HttpStatusCode.OK);       // reads keep working

        // The sandbox account of the same partner is not frozen.
        var sandbox = await platform.IssueCredentialAsync(p.Id, "sandbox");
        await platform.SetBrandStockAsync(sku, 10, "sandbox");
        var sandboxClient = platform.ClientWithToken(await platform.TokenAsync(sandbox.ClientId, sandbox.Secret));
        await (await sandboxClient.PostOrderAsync(CommerceSetup.OrderBody("PO-SBX", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);

        var resolved = await ResolveAsync(platform, id, new { outcome = "rejected", note = "Goods matched the order." });
        Assert.Equal("rejected", resolved["status"]!.GetValue<string>());
        Assert.False(resolved["freezesAccount"]!.GetValue<bool>());
        Assert.Equal(["opened", "rejected"], resolved["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-AFTER", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);
        await ResolveAsync(platform, id, new { outcome = "accepted", adjustment = 1m, note = "again" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_disputes_are_refused_with_the_field_named()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var other = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        var order = await p.DeliverOrderAsync(sku, 2);
        var othersOrder = await other.DeliverOrderAsync(sku, 1);
        var client = await p.ClientAsync();

        (await (await OpenAsync(client, new { orderId = order, amount = "0.00", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!["amount"]!.ToString();
        (await (await OpenAsync(client, new { orderId = order, amount = "-5", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!["amount"]!.ToString();
        (await (await OpenAsync(client, new { orderId = order, amount = "1.001", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!["amount"]!.ToString();
        var tooMuch = await (await OpenAsync(client, new { orderId = order, amount = "2000.01", reason = "x" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_exceeds_disputed");
        Assert.NotNull(tooMuch["errors"]!["amount"]);
        await (await OpenAsync(client, new { orderId = othersOrder, amount = "1", reason = "x" })).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await OpenAsync(client, new { amount = "1", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await OpenAsync(client, new { orderId = order, statementLineId = "stl_x", amount = "1", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await OpenAsync(client, new { statementLineId = "stl_missing", amount = "1", reason = "x" })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await OpenAsync(client, new { orderId = order, amount = "ten", reason = "x" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        // Another partner's dispute is not there.
        var mine = await (await OpenAsync(client, new { orderId = order, amount = "5", reason = "x" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await (await other.ClientAsync()).GetAsync($"/v2/disputes/{mine["id"]}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_statement_line_can_be_disputed_up_to_its_amount_and_an_accepted_dispute_adjusts_the_month_it_is_resolved_in()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(10_000m);
        await p.DeliverOrderAsync(sku, 1);
        platform.MoveTo(At(2026, 4, 2));
        await platform.CloseAsync("2026-03", p.Id);
        var march = await p.StatementAsync("2026-03");
        var fund = march["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "development_fund")!;
        var client = await p.ClientAsync();

        await (await OpenAsync(client, new { statementLineId = fund["id"]!.GetValue<string>(), amount = "100.01", reason = "x" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_exceeds_disputed");
        var dispute = await (await OpenAsync(client, new { statementLineId = fund["id"]!.GetValue<string>(), amount = "100.00", reason = "Fund already paid" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(march["id"]!.GetValue<string>(), dispute["statementId"]!.GetValue<string>());

        await ResolveAsync(platform, dispute["id"]!.GetValue<string>(), new { outcome = "accepted", note = "no adjustment" }, HttpStatusCode.BadRequest);
        var resolved = await ResolveAsync(platform, dispute["id"]!.GetValue<string>(), new { outcome = "accepted", adjustment = 100m, note = "Refunded." });
        Assert.Equal("accepted", resolved["status"]!.GetValue<string>());

        Assert.Equal(march.ToJsonString(), (await p.StatementAsync("2026-03")).ToJsonString());   // closed months never change
        var april = await p.StatementAsync("2026-04");
        Assert.Equal(100.00m, april.Lines()["dispute_adjustment"]);
    }
}
