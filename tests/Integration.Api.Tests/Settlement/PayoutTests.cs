using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>Payouts through the bank gateway (WireMock.Net): paid exactly once whatever the gateway does.</summary>
public sealed class PayoutTests
{
    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    /// <param name="successfulResponses">Answers of "paid" (201) in WireMock's log: 0 when the gateway's answer was lost; null: at most one.</param>
    private static async Task AssertPaidOnceAsync(SettlementPlatform platform, SettlementPartner p, string statementId, int? successfulResponses = 1)
    {
        var statement = await p.StatementAsync(statementId);
        Assert.Equal("paid", statement["status"]!.GetValue<string>());
        var payout = statement["payouts"]!.AsArray().Single()!;
        Assert.Equal("paid", payout["status"]!.GetValue<string>());
        await platform.Bank.WaitUntilIdleAsync();
        Assert.Equal(1, platform.Bank.PaymentsMade(statementId));
        if (successfulResponses is { } expected)
        {
            Assert.Equal(expected, platform.Bank.SuccessfulPayoutResponses(statementId));
        }
        else
        {
            Assert.InRange(platform.Bank.SuccessfulPayoutResponses(statementId), 0, 1);
        }
        var trial = await platform.TrialBalanceAsync();
        Assert.True(trial["balanced"]!.GetValue<bool>());
        Assert.Equal("50000.00", trial["accounts"]!.AsArray().Single(a => a!["account"]!.GetValue<string>() == "bank")!["credits"]!["amount"]!.GetValue<string>());
        var events = await (await (await p.ClientAsync()).GetAsync("/v2/events?types=payout.paid")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(events["data"]!.AsArray());
    }

    [Fact]
    public async Task A_positive_balance_is_paid_out_once_with_the_statement_id_as_idempotency_key()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        Assert.Equal("pending", statement["payouts"]![0]!["status"]!.GetValue<string>());

        await platform.RunPayoutsAsync();
        await platform.RunPayoutsAsync();

        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task Gateway_500s_are_retried_until_it_recovers_and_nothing_is_marked_paid_meanwhile()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = GatewayBehaviour.Failing;

        await platform.RunPayoutsAsync();
        var waiting = (await p.StatementAsync(Id(statement)))["payouts"]![0]!;
        Assert.Equal("pending", waiting["status"]!.GetValue<string>());
        Assert.Equal(0, platform.Bank.PaymentsMade(Id(statement)));

        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        await platform.RunPayoutsAsync();                     // not due yet: the retry waits
        Assert.Equal(0, platform.Bank.PaymentsMade(Id(statement)));
        platform.Clock.Advance(TimeSpan.FromMinutes(2));
        await platform.RunPayoutsAsync();

        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task A_gateway_that_pays_but_answers_too_late_is_asked_by_key_and_never_pays_twice()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = GatewayBehaviour.SlowAfterPaying;

        await platform.RunPayoutsAsync();                      // times out; not resent: the next run asks by key and finds it paid
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await platform.RunPayoutsAsync();

        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task A_lost_answer_is_recovered_by_asking_the_gateway_before_sending_again()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = GatewayBehaviour.LosesAnswerAfterPaying;
        await platform.RunPayoutsAsync();
        Assert.Equal("pending", (await p.StatementAsync(Id(statement)))["payouts"]![0]!["status"]!.GetValue<string>());

        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        var postsBefore = platform.Bank.Requests("POST");
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await platform.RunPayoutsAsync();

        Assert.Equal(postsBefore, platform.Bank.Requests("POST"));          // found by GET, not sent again
        await AssertPaidOnceAsync(platform, p, Id(statement), successfulResponses: 0);
    }

    [Fact]
    public async Task Duplicate_reports_from_the_gateway_record_one_payout()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = GatewayBehaviour.DuplicateReports;
        await platform.RunPayoutsAsync();
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await platform.RunPayoutsAsync();
        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task A_payout_the_gateway_is_still_processing_is_recorded_when_it_reports_it_paid()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = GatewayBehaviour.Processing;
        await platform.RunPayoutsAsync();
        Assert.Equal("pending", (await p.StatementAsync(Id(statement)))["payouts"]![0]!["status"]!.GetValue<string>());

        var postsBefore = platform.Bank.PostsReceived;
        platform.Clock.Advance(TimeSpan.FromMinutes(2));
        await platform.RunPayoutsAsync();

        Assert.Equal(postsBefore, platform.Bank.PostsReceived);              // asked by reference, not sent again
        await AssertPaidOnceAsync(platform, p, Id(statement), successfulResponses: 0);
    }

    [Theory]
    [InlineData(GatewayBehaviour.Garbage)]
    [InlineData(GatewayBehaviour.WrongAmount)]
    [InlineData(GatewayBehaviour.Failing)]
    public async Task Gateway_garbage_never_marks_a_payout_paid_and_after_the_last_attempt_it_needs_attention(GatewayBehaviour behaviour)
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        platform.Bank.Behaviour = behaviour;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await platform.RunPayoutsAsync();
            platform.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var admin = await platform.AdminClientAsync();
        var flagged = await (await admin.GetAsync("/admin/v1/payouts?status=needs_attention")).ReadJsonAsync(HttpStatusCode.OK);
        var payout = flagged["data"]!.AsArray().Single()!;
        Assert.Equal(3, payout["attempts"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(payout["lastError"]!.GetValue<string>()));
        Assert.Equal("closed", (await p.StatementAsync(Id(statement)))["status"]!.GetValue<string>());
        Assert.Null((await platform.TrialBalanceAsync())["accounts"]!.AsArray().FirstOrDefault(a => a!["account"]!.GetValue<string>() == "bank"));

        // Internal teams retry once the gateway is fixed; a payout the gateway did make (wrong amount) is not made again.
        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        await (await admin.PostAsync($"/admin/v1/payouts/{Id(payout)}/retry", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/admin/v1/payouts/{Id(payout)}/retry", null)).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await platform.RunPayoutsAsync();
        if (behaviour == GatewayBehaviour.WrongAmount)
        {
            Assert.Equal(1, platform.Bank.PaymentsMade(Id(statement)));
            Assert.Equal("pending", (await p.StatementAsync(Id(statement)))["payouts"]![0]!["status"]!.GetValue<string>());
            return;
        }
        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task A_process_that_dies_between_sending_and_recording_is_taken_over_without_paying_twice()
    {
        await using var first = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await first.PositiveAprilStatementAsync();
        first.Bank.Behaviour = GatewayBehaviour.SlowAfterPaying;
        first.Bank.SlowAnswerDelay = TimeSpan.FromMilliseconds(800);     // within the attempt timeout: the answer would arrive

        using var death = new CancellationTokenSource();
        var running = first.RunPayoutsAsync(death.Token);
        Assert.True(await first.Bank.Paid.WaitAsync(TimeSpan.FromSeconds(10)));
        death.Cancel();                                                 // the process dies before it records the payment
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("pending", (await p.StatementAsync(Id(statement)))["payouts"]![0]!["status"]!.GetValue<string>());

        // Another instance, once the lease has run out, asks the gateway and records the payout it made.
        first.Bank.Behaviour = GatewayBehaviour.Healthy;
        await using var second = await first.SecondInstanceAsync(first.Clock.GetUtcNow().AddMinutes(5));
        await second.RunPayoutsAsync();

        await first.Bank.WaitUntilIdleAsync();
        Assert.Equal(1, first.Bank.PostsReceived);
        Assert.True(first.Bank.Requests("GET") >= 1);
        await AssertPaidOnceAsync(second, p, Id(statement), successfulResponses: null);    // the dead caller's answer may not be logged
    }

    [Fact]
    public async Task Open_disputes_hold_their_amount_back_until_they_are_resolved()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(20_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        await platform.RecordSubsidyAsync(p.Id, 200_000m);                // +50,000
        var client = await p.ClientAsync();
        var dispute = await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = order, amount = "8000.00", reason = "Late" })).ReadJsonAsync(HttpStatusCode.Created);
        platform.MoveTo(At(2026, 5, 1, 8));
        await platform.CloseAsync("2026-04", p.Id);

        var april = await p.StatementAsync("2026-04");
        Assert.Equal("32800.00", april.Amount("balance"));                // −20,000 + 3,000 − 200 + 50,000
        Assert.Equal("8000.00", april.Amount("heldAmount"));
        var payouts = april["payouts"]!.AsArray();
        Assert.Contains(payouts, x => x!["status"]!.GetValue<string>() == "pending" && x["amount"]!["amount"]!.GetValue<string>() == "24800.00");
        Assert.Contains(payouts, x => x!["status"]!.GetValue<string>() == "held" && x["disputeId"]!.GetValue<string>() == Id(dispute));

        await platform.RunPayoutsAsync();
        Assert.Equal("closed", (await p.StatementAsync("2026-04"))["status"]!.GetValue<string>());  // the held part is not paid yet

        var admin = await platform.AdminClientAsync();
        await (await admin.PostAsJsonAsync($"/admin/v1/disputes/{Id(dispute)}/resolve", new { outcome = "rejected", note = "On time." })).ReadJsonAsync(HttpStatusCode.OK);
        await platform.RunPayoutsAsync();

        april = await p.StatementAsync("2026-04");
        Assert.Equal("paid", april["status"]!.GetValue<string>());
        Assert.All(april["payouts"]!.AsArray(), x => Assert.Equal("paid", x!["status"]!.GetValue<string>()));
        Assert.Equal(1, platform.Bank.PaymentsMade($"{Id(april)}:{Id(dispute)}"));
    }

    [Fact]
    public async Task A_frozen_account_receives_no_payout_until_it_is_released()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statement) = await platform.PositiveAprilStatementAsync();
        var admin = await platform.AdminClientAsync();
        await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{p.Id}", new { status = "frozen" })).ReadJsonAsync(HttpStatusCode.OK);

        await platform.RunPayoutsAsync();
        Assert.Equal(0, platform.Bank.Requests("POST"));

        await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{p.Id}", new { status = "active" })).ReadJsonAsync(HttpStatusCode.OK);
        platform.Clock.Advance(TimeSpan.FromHours(1.5));
        await platform.RunPayoutsAsync();
        await AssertPaidOnceAsync(platform, p, Id(statement));
    }

    [Fact]
    public async Task A_negative_balance_is_an_amount_due_that_settles_when_the_partner_pays_it()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var p = await platform.NewPartnerAsync(rating: "A");
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 10);
        platform.MoveTo(At(2026, 5, 1, 8));
        await platform.CloseAsync("2026-04", p.Id);
        var april = await p.StatementAsync("2026-04");
        Assert.Equal("8600.00", april.Amount("amountDue"));                 // 10,000 − 1,500 + 100
        Assert.Equal("2026-06-29", april["dueDate"]!.GetValue<string>());
        Assert.Empty(april["payouts"]!.AsArray());

        var admin = await platform.AdminClientAsync();
        await (await admin.PostAsJsonAsync($"/admin/v1/settlements/{Id(april)}/record-payment", new { amount = 8_600.01m })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var partly = await (await admin.PostAsJsonAsync($"/admin/v1/settlements/{Id(april)}/record-payment", new { amount = 600m })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("closed", partly["status"]!.GetValue<string>());
        var settled = await (await admin.PostAsJsonAsync($"/admin/v1/settlements/{Id(april)}/record-payment", new { amount = 8_000m })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("settled", settled["status"]!.GetValue<string>());
        Assert.True((await platform.TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }
}
