using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>
/// ADR 0009: a payout is never sent again before the gateway has been asked by key what happened.
/// Only lookups are retried by the HTTP client; a payout request goes out once per recovery cycle,
/// and every later one follows a lookup that found nothing. WireMock's request log gives the order.
/// </summary>
public sealed class PayoutRecoveryTests
{
    /// <summary>Runs one payout cycle and returns the calls it made for <paramref name="reference"/>.</summary>
    private static async Task<List<string>> CycleAsync(SettlementPlatform platform, string reference)
    {
        await platform.Bank.WaitUntilIdleAsync();
        var before = platform.Bank.CallsFor(reference).Count;
        await platform.RunPayoutsAsync();
        await platform.Bank.WaitUntilIdleAsync();
        return [.. platform.Bank.CallsFor(reference).Skip(before)];
    }

    /// <summary>The first call is the payout request; every later payout request directly follows a lookup by key.</summary>
    private static void AssertEveryResendFollowsALookup(IReadOnlyList<string> calls)
    {
        Assert.NotEmpty(calls);
        Assert.Equal("POST", calls[0]);
        for (var i = 1; i < calls.Count; i++)
        {
            if (calls[i] == "POST")
            {
                Assert.True(calls[i - 1] == "GET", $"payout request #{i} was not preceded by a lookup: {string.Join(", ", calls)}");
            }
        }
    }

    private static async Task<JsonNode> AdminPayoutAsync(SettlementPlatform platform, string statementId)
    {
        var admin = await platform.AdminClientAsync();
        var page = await (await admin.GetAsync($"/admin/v1/payouts?statementId={statementId}")).ReadJsonAsync(HttpStatusCode.OK);
        return page["data"]!.AsArray().Single()!;
    }

    [Theory]
    [InlineData(GatewayBehaviour.FailingPayouts)]
    [InlineData(GatewayBehaviour.Hanging)]
    public async Task A_gateway_that_fails_or_hangs_gets_at_most_one_payout_request_per_cycle_each_after_a_lookup_found_nothing(GatewayBehaviour behaviour)
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, closed) = await platform.PositiveAprilStatementAsync();
        var statementId = closed["id"]!.GetValue<string>();
        platform.Bank.Behaviour = behaviour;

        var first = await CycleAsync(platform, statementId);
        Assert.Equal(["POST"], first);                                            // not resent by the HTTP client
        var payout = await AdminPayoutAsync(platform, statementId);
        Assert.Equal(("pending", 1), (payout["status"]!.GetValue<string>(), payout["attempts"]!.GetValue<int>()));

        platform.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await CycleAsync(platform, statementId);
        Assert.Equal(["GET", "POST"], second);                                    // asked first; nothing there, so sent once more

        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        platform.Clock.Advance(TimeSpan.FromMinutes(10));
        var third = await CycleAsync(platform, statementId);
        Assert.Equal(["GET", "POST"], third);

        var all = platform.Bank.CallsFor(statementId);
        AssertEveryResendFollowsALookup(all);
        Assert.Equal(3, all.Count(c => c == "POST"));
        var statement = await p.StatementAsync(statementId);
        Assert.Equal("paid", statement["status"]!.GetValue<string>());
        Assert.Equal(1, platform.Bank.PaymentsMade(statementId));
    }

    [Theory]
    [InlineData(GatewayBehaviour.LosesAnswerAfterPaying)]     // pays, answers 500
    [InlineData(GatewayBehaviour.SlowAfterPaying)]            // pays, answers after the platform stopped waiting
    [InlineData(GatewayBehaviour.DropsConnectionAfterPaying)] // pays, drops the connection mid-answer
    public async Task A_payout_the_gateway_made_but_whose_answer_was_lost_is_found_by_key_and_never_sent_again(GatewayBehaviour behaviour)
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, closed) = await platform.PositiveAprilStatementAsync();
        var statementId = closed["id"]!.GetValue<string>();
        platform.Bank.Behaviour = behaviour;

        var first = await CycleAsync(platform, statementId);
        Assert.Equal(["POST"], first);
        Assert.Equal(1, platform.Bank.PaymentsMade(statementId));
        Assert.Equal("pending", (await AdminPayoutAsync(platform, statementId))["status"]!.GetValue<string>());

        platform.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await CycleAsync(platform, statementId);
        Assert.Equal(["GET"], second);                                            // found by key: recorded, not sent again

        platform.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await CycleAsync(platform, statementId));

        Assert.Equal(["POST", "GET"], platform.Bank.CallsFor(statementId));
        Assert.Equal(1, platform.Bank.PostsReceived);
        Assert.Equal(1, platform.Bank.PaymentsMade(statementId));
        var statement = await p.StatementAsync(statementId);
        Assert.Equal("paid", statement["status"]!.GetValue<string>());
        var trial = await platform.TrialBalanceAsync();
        Assert.Equal("50000.00", trial["accounts"]!.AsArray().Single(a => a!["account"]!.GetValue<string>() == "bank")!["credits"]!["amount"]!.GetValue<string>());
        var events = await (await (await p.ClientAsync()).GetAsync("/v2/events?types=payout.paid")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(events["data"]!.AsArray());
    }

    [Fact]
    public async Task Lookups_by_key_are_retried_by_the_http_client_payout_requests_are_not()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (_, closed) = await platform.PositiveAprilStatementAsync();
        var statementId = closed["id"]!.GetValue<string>();
        platform.Bank.Behaviour = GatewayBehaviour.Failing;                      // 500 to payouts and lookups alike

        Assert.Equal(["POST"], await CycleAsync(platform, statementId));
        platform.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["GET", "GET", "GET"], await CycleAsync(platform, statementId)); // Retries = 2; no payout request without an answer
    }
}
