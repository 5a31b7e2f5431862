using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Application.Insights;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Ratings;

/// <summary>Issue 23 part 5: credit rating proposals from payment history at a quarter's end, decided by finance or risk, in force from the next month.</summary>
public sealed class RatingProposalTests
{
    /// <summary>A partner owing money on its April statement (due 30 May with rating B, 29 June with rating A), the quarter Q2.</summary>
    private static async Task<(SettlementPartner Partner, string StatementId)> OwesOnAprilStatementAsync(SettlementPlatform platform, string rating)
    {
        platform.MoveTo(At(2026, 4, 10));
        var p = await platform.NewPartnerAsync(rating: rating);
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 1);
        platform.MoveTo(At(2026, 5, 1, 8));
        await platform.CloseAsync("2026-04", p.Id);
        return (p, (await p.StatementAsync("2026-04"))["id"]!.GetValue<string>());
    }

    private static async Task PayAsync(SettlementPlatform platform, SettlementPartner p, string statementId)
    {
        var amountDue = decimal.Parse((await p.StatementAsync(statementId)).Amount("amountDue"), CultureInfo.InvariantCulture);
        await (await (await platform.AdminClientAsync()).PostAsJsonAsync($"/admin/v1/settlements/{statementId}/record-payment", new { amount = amountDue }))
            .ReadJsonAsync(HttpStatusCode.OK);
    }

    private static async Task RunQuarterEndAsync(PlatformFactory platform) =>
        await platform.Services.GetRequiredService<QuarterEndJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<JsonArray> ProposalsAsync(PlatformFactory platform, string query) =>
        (await (await (await platform.AdminClientAsync()).GetAsync("/admin/v1/rating-proposals?" + query)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

    private static async Task<string> RatingOfAsync(PlatformFactory platform, string partnerId) =>
        (await (await (await platform.AdminClientAsync()).GetAsync($"/admin/v1/partners/{partnerId}")).ReadJsonAsync(HttpStatusCode.OK))["creditRating"]!.GetValue<string>();

    [Fact]
    public async Task Paid_on_time_with_rating_B_proposes_A_which_finance_accepts_and_which_is_in_force_from_the_next_month()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statementId) = await OwesOnAprilStatementAsync(platform, "B");
        platform.MoveTo(At(2026, 5, 20));
        await PayAsync(platform, p, statementId);

        platform.MoveTo(At(2026, 7, 1, 1));
        await RunQuarterEndAsync(platform);
        await RunQuarterEndAsync(platform);
        var proposal = Assert.Single(await ProposalsAsync(platform, $"partnerId={p.Id}"))!;
        Assert.Equal("2026-Q2", proposal["quarter"]!.GetValue<string>());
        Assert.Equal("B", proposal["currentRating"]!.GetValue<string>());
        Assert.Equal("A", proposal["proposedRating"]!.GetValue<string>());
        Assert.Equal("pending", proposal["status"]!.GetValue<string>());
        var id = proposal["id"]!.GetValue<string>();

        platform.MoveTo(At(2026, 7, 6));
        var finance = await platform.ClientWithRoleAsync(InternalRole.Finance);
        var accepted = await (await finance.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/accept", new { reason = "Paid on time all year." })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());
        Assert.Equal("2026-08-01", accepted["effectiveFrom"]!.GetValue<string>());
        var changed = Assert.Single((await (await (await p.ClientAsync()).GetAsync("/v2/events?types=partner.rating_changed")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray())!;
        Assert.Equal("A", changed["data"]!["rating"]!.GetValue<string>());
        Assert.Equal("B", changed["data"]!["previousRating"]!.GetValue<string>());
        Assert.Equal("2026-08-01", changed["data"]!["effectiveFrom"]!.GetValue<string>());
        Assert.True(await platform.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == id && e.Action == "rating_proposal.accepted")));

        await RunQuarterEndAsync(platform);
        Assert.Equal("B", await RatingOfAsync(platform, p.Id)); // July's terms stay B
        await (await finance.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/accept", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await p.DeliverOrderAsync(await platform.ProductForAdvancedAsync(1_000m), 1);

        platform.MoveTo(At(2026, 8, 1, 0));
        await RunQuarterEndAsync(platform);
        Assert.Equal("A", await RatingOfAsync(platform, p.Id));
        // July, closed once A is in force, was under B: B's 30 days from 31 July, not A's 60.
        platform.MoveTo(At(2026, 8, 1, 8));
        await platform.CloseAsync("2026-07", p.Id);
        var july = await p.StatementAsync("2026-07");
        Assert.Equal("B", july["creditRating"]!.GetValue<string>());
        Assert.Equal("2026-08-30", july["dueDate"]!.GetValue<string>());
        var history = Assert.Single(await ProposalsAsync(platform, $"partnerId={p.Id}&status=accepted"))!;
        Assert.NotNull(history["appliedAt"]);
        Assert.Empty(await ProposalsAsync(platform, $"partnerId={p.Id}&status=pending"));
    }

    [Fact]
    public async Task An_amount_overdue_a_few_days_proposes_at_most_B_and_risk_rejects_it_with_a_reason()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, _) = await OwesOnAprilStatementAsync(platform, "A"); // due 29 June, unpaid on 1 July: 2 days overdue

        platform.MoveTo(At(2026, 7, 2));
        var proposed = await (await (await platform.ClientWithRoleAsync(InternalRole.Admin)).PostAsJsonAsync("/admin/v1/rating-proposals", new { partnerId = p.Id }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-Q2", proposed["quarter"]!.GetValue<string>());
        var proposal = Assert.Single(proposed["proposals"]!.AsArray())!;
        Assert.Equal("B", proposal["proposedRating"]!.GetValue<string>());
        Assert.Equal(1, proposal["overdueAmounts"]!.GetValue<int>());
        Assert.Equal(2, proposal["maxDaysOverdue"]!.GetValue<int>());
        var id = proposal["id"]!.GetValue<string>();

        var risk = await platform.ClientWithRoleAsync(InternalRole.Risk);
        await (await risk.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/reject", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var rejected = await (await risk.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/reject", new { reason = "Bank holiday delay, paid since." }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("Bank holiday delay, paid since.", rejected["decisionReason"]!.GetValue<string>());

        platform.MoveTo(At(2026, 8, 2));
        await RunQuarterEndAsync(platform);
        Assert.Equal("A", await RatingOfAsync(platform, p.Id));
        Assert.Empty((await (await (await p.ClientAsync()).GetAsync("/v2/events?types=partner.rating_changed")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Single(await ProposalsAsync(platform, $"partnerId={p.Id}&status=rejected"));
    }

    [Fact]
    public async Task An_amount_more_than_30_days_overdue_proposes_C()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, _) = await OwesOnAprilStatementAsync(platform, "B"); // due 30 May, unpaid on 1 July: 32 days

        platform.MoveTo(At(2026, 7, 1, 1));
        await RunQuarterEndAsync(platform);
        var proposal = Assert.Single(await ProposalsAsync(platform, $"partnerId={p.Id}"))!;
        Assert.Equal("C", proposal["proposedRating"]!.GetValue<string>());
        Assert.Equal(32, proposal["maxDaysOverdue"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(InternalRole.Viewer)]
    [InlineData(InternalRole.Onboarding)]
    [InlineData(InternalRole.Credentials)]
    [InlineData(InternalRole.RegionalManager)]
    [InlineData(InternalRole.Legal)]
    [InlineData(InternalRole.Admin)]
    public async Task Only_finance_and_risk_decide_proposals(InternalRole role)
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        await OwesOnAprilStatementAsync(platform, "B");
        platform.MoveTo(At(2026, 7, 1, 1));
        await RunQuarterEndAsync(platform);
        var id = Assert.Single(await ProposalsAsync(platform, "status=pending"))!["id"]!.GetValue<string>();

        var caller = await platform.ClientWithRoleAsync(role);
        await (await caller.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/accept", new { })).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        await (await caller.PostAsJsonAsync($"/admin/v1/rating-proposals/{id}/reject", new { reason = "no" })).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        Assert.Single(await ProposalsAsync(platform, "status=pending"));
    }

    [Fact]
    public async Task Proposing_for_a_quarter_that_has_not_ended_is_refused()
    {
        await using var platform = await StartAsync(At(2026, 5, 10));
        var finance = await platform.ClientWithRoleAsync(InternalRole.Finance);
        await (await finance.PostAsJsonAsync("/admin/v1/rating-proposals", new { quarter = "2026-Q2" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "quarter_not_ended");
        await (await finance.PostAsJsonAsync("/admin/v1/rating-proposals", new { quarter = "2026-Q5" })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
