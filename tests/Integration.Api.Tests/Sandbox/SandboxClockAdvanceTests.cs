using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Sandbox.Clocks;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Sandbox;

/// <summary>
/// A large advance answers 202 and runs in the background (docs/sandbox.md › Asynchronous advances):
/// the partner polls it, and meanwhile nothing of that sandbox can be read half-moved.
/// </summary>
public sealed class SandboxClockAdvanceTests
{
    // Three orders placed now each confirm, ship and deliver within 30 days: nine steps, plus the seed's.
    private static readonly Dictionary<string, string> SmallThreshold = new()
    {
        ["Sandbox:Clock:AsynchronousAbove"] = "5",
        ["Sandbox:Clock:RunAdvancesInBackground"] = "false", // the test runs the advance when it has looked at it advancing
    };

    private static async Task<(SandboxPlatform Platform, PartnerSession Session, List<string> Orders)> ThreeOpenOrdersAsync()
    {
        var platform = await SandboxPlatform.StartAsync(settings: SmallThreshold);
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add((await session.PlaceOrderAsync(("SBX-CAP-NAVY", 1)))["id"]!.GetValue<string>());
        }
        return (platform, session, orders);
    }

    private static Task<int> RunAdvancesAsync(SandboxPlatform platform) =>
        platform.Services.GetRequiredService<ClockAdvanceRunner>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task AnAdvanceAboveTheThreshold_Answers202_WithAnAdvanceToPoll_ThatBecomesReadyWithWhatItRan()
    {
        var (platform, session, orders) = await ThreeOpenOrdersAsync();
        await using var _ = platform;
        var client = session.Client;

        var response = await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" });

        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var location = response.Headers.Location!;
        Assert.Matches("/v2/sandbox/clock/advances/advance_[a-z0-9]+$", location.AbsolutePath);
        Assert.Equal("advancing", accepted["status"]!.GetValue<string>());
        Assert.Equal("2026-11-27T10:00:00.000Z", accepted["from"]!.GetValue<string>());
        Assert.Equal("2026-12-27T10:00:00.000Z", accepted["to"]!.GetValue<string>());
        var expected = accepted["progress"]!["orderStepsExpected"]!.GetValue<int>();
        Assert.True(expected >= 9, $"{expected} order steps expected");
        Assert.Equal(0, accepted["progress"]!["orderStepsDone"]!.GetValue<int>());
        Assert.Null(accepted["result"]);
        // The clock is at the target already; the advance can be read while it runs.
        Assert.Equal("2026-12-27T10:00:00.000Z", (await client.GetJsonAsync("/v2/sandbox/clock"))["now"]!.GetValue<string>());
        Assert.Equal("advancing", (await client.GetJsonAsync(location.PathAndQuery))["status"]!.GetValue<string>());

        Assert.Equal(1, await RunAdvancesAsync(platform));

        var ready = await client.GetJsonAsync(location.PathAndQuery);
        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.NotNull(ready["completedAt"]);
        var ran = ready["result"]!["ran"]!;
        Assert.True(ran["ordersDelivered"]!.GetValue<int>() >= 3);
        Assert.Equal(ran["ordersConfirmed"]!.GetValue<int>() + ran["ordersShipped"]!.GetValue<int>() + ran["ordersDelivered"]!.GetValue<int>(),
            ready["progress"]!["orderStepsDone"]!.GetValue<int>());
        Assert.Equal(expected, ready["progress"]!["orderStepsDone"]!.GetValue<int>() + ready["progress"]!["ordersHeldBack"]!.GetValue<int>());
        Assert.Equal("2026-12-27T10:00:00.000Z", ready["result"]!["clock"]!["now"]!.GetValue<string>());
        foreach (var id in orders)
        {
            Assert.Equal("delivered", (await client.GetJsonAsync($"/v2/orders/{id}"))["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task WhileTheSandboxAdvances_ItsOtherRequests_AnotherAdvance_AndAReset_Get409ClockAdvancing_WithRetryAfter_LiveAndOtherSandboxesDoNot()
    {
        var (platform, session, orders) = await ThreeOpenOrdersAsync();
        await using var _ = platform;
        var client = session.Client;
        var other = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var (_, live) = await platform.PartnerInBothEnvironmentsAsync();
        var accepted = await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" });
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var advanceId = accepted.Headers.Location!.Segments[^1];

        foreach (var refused in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.GetAsync($"/v2/orders/{orders[0]}"),
                     () => client.GetAsync("/v1/orders"),
                     () => client.PostOrderAsync(CommerceSetup.OrderBody("PO-DURING", ("SBX-CAP-NAVY", 1)), version: "v2"),
                     () => client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P1D" }),
                     () => client.PostAsync("/v2/sandbox/reset", null),
                     () => client.GetAsync("/v2/sandbox"),
                 })
        {
            var response = await refused();
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "clock_advancing");
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.EndsWith($"/sandbox/clock/advances/{advanceId}", problem["advance"]!.GetValue<string>());
        }
        // Another sandbox, and live, are not held up.
        await (await other.GetAsync("/v2/orders")).ReadJsonAsync(HttpStatusCode.OK);
        await (await live.GetAsync("/v2/orders")).ReadJsonAsync(HttpStatusCode.OK);

        await RunAdvancesAsync(platform);

        await (await client.GetAsync($"/v2/orders/{orders[0]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("PT0S", (await (await client.PostAsync("/v2/sandbox/reset", null)).ReadJsonAsync(HttpStatusCode.OK))["clockOffset"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhileTheSandboxAdvances_AnInternalTeamMovingItsOrders_Gets409ClockAdvancing_WithRetryAfter_AndCanAfterwards()
    {
        var (platform, session, orders) = await ThreeOpenOrdersAsync();
        await using var _ = platform;
        var admin = await platform.AdminClientAsync();
        var otherSandbox = await platform.NewPartnerSessionAsync("sandbox");
        var otherOrder = (await otherSandbox.PlaceOrderAsync(("SBX-CAP-NAVY", 1)))["id"]!.GetValue<string>();
        await (await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" })).ReadJsonAsync(HttpStatusCode.Accepted);

        // The advance is about to move this very order: a confirmation now would act on a half-moved sandbox.
        var refused = await admin.PostAsync($"/admin/v1/orders/{orders[0]}/confirm", null);
        await refused.ReadProblemAsync(HttpStatusCode.Conflict, "clock_advancing");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        // Another sandbox is not held up.
        Assert.Equal("confirmed", (await (await admin.PostAsync($"/admin/v1/orders/{otherOrder}/confirm", null)).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());

        await RunAdvancesAsync(platform);

        Assert.Equal("delivered", (await admin.GetJsonAsync($"/admin/v1/orders/{orders[0]}"))["status"]!.GetValue<string>());
        await (await admin.PostAsync($"/admin/v1/orders/{orders[0]}/return", null)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WhileTheSandboxAdvances_AnInternalTeamReadingItsOrderOrDispute_Gets409ClockAdvancing_NotAHalfMovedRow_AndReadsItOnItsClockAfterwards()
    {
        var (platform, session, orders) = await ThreeOpenOrdersAsync();
        await using var _ = platform;
        var admin = await platform.AdminClientAsync();
        var dispute = (await (await session.Client.PostAsJsonAsync("/v2/disputes", new { orderId = orders[0], amount = "1.00", reason = "Damaged" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var otherOrder = (await (await platform.NewPartnerSessionAsync("sandbox")).PlaceOrderAsync(("SBX-CAP-NAVY", 1)))["id"]!.GetValue<string>();
        await (await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" })).ReadJsonAsync(HttpStatusCode.Accepted);

        // Mid-advance, some of the sandbox's orders have moved and some not: an operator would see a world the partner never does.
        foreach (var path in new[] { $"/admin/v1/orders/{orders[0]}", $"/admin/v1/orders/{orders[2]}", $"/admin/v1/disputes/{dispute}" })
        {
            var refused = await admin.GetAsync(path);
            await refused.ReadProblemAsync(HttpStatusCode.Conflict, "clock_advancing");
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }
        // Another sandbox's order, and the partner record itself (which the clock does not move), are read as usual.
        Assert.Equal("pending", (await admin.GetJsonAsync($"/admin/v1/orders/{otherOrder}"))["status"]!.GetValue<string>());
        await (await admin.GetAsync($"/admin/v1/partners/{session.PartnerId}")).ReadJsonAsync(HttpStatusCode.OK);

        await RunAdvancesAsync(platform);

        Assert.Equal("delivered", (await admin.GetJsonAsync($"/admin/v1/orders/{orders[2]}"))["status"]!.GetValue<string>());
        // On the sandbox's clock, 30 days on: as the partner sees it, the level-1 SLA has passed.
        var seenByAdmin = await admin.GetJsonAsync($"/admin/v1/disputes/{dispute}");
        Assert.True(seenByAdmin["slaBreached"]!.GetValue<bool>());
        Assert.Equal((await session.Client.GetJsonAsync($"/v2/disputes/{dispute}")).ToJsonString(), seenByAdmin.ToJsonString());
    }

    [Fact]
    public async Task AnAdvanceTakenOverPartWay_ReportsTheWholeAdvanceInItsResult_NotOnlyThePartThatRanAfterTheTakeover()
    {
        // One step per transaction: many commits, so the interruption lands between two of them.
        var platform = await SandboxPlatform.StartAsync(settings: new Dictionary<string, string>(SmallThreshold) { ["Sandbox:AdvanceBatchSize"] = "1" });
        await using var _ = platform;
        var session = await platform.NewPartnerSessionAsync("sandbox");
        const int Orders = 40;
        for (var i = 0; i < Orders; i++)
        {
            await session.PlaceOrderAsync(("SBX-CAP-NAVY", 1));
        }
        var accepted = await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" });
        var location = accepted.Headers.Location!.PathAndQuery;
        var expected = (await accepted.ReadJsonAsync(HttpStatusCode.Accepted))["progress"]!["orderStepsExpected"]!.GetValue<int>();

        // The first instance stops part-way (as when it is killed), holding its lease.
        using (var stopping = new CancellationTokenSource())
        {
            var first = platform.Services.GetRequiredService<ClockAdvanceRunner>().RunOnceAsync(stopping.Token);
            await Eventually.TrueAsync(async () => (await session.Client.GetJsonAsync(location))["progress"]!["orderStepsDone"]!.GetValue<int>() >= 3,
                TimeSpan.FromSeconds(60), "the first run recording progress");
            await stopping.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        }
        var interrupted = await session.Client.GetJsonAsync(location);
        Assert.Equal("advancing", interrupted["status"]!.GetValue<string>());
        var doneBefore = interrupted["progress"]!["orderStepsDone"]!.GetValue<int>();
        Assert.True(doneBefore < expected, "the advance finished before the interruption; give it more orders");
        // Its lease runs out; the next instance takes the advance over and finishes it.
        await platform.WithDbAsync(async db =>
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(CancellationToken.None);
            await db.ClockAdvances.ExecuteUpdateAsync(u => u.SetProperty(a => a.LeaseUntil, DateTimeOffset.UnixEpoch));
            await transaction.CommitAsync(CancellationToken.None);
            return 0;
        });
        Assert.Equal(1, await RunAdvancesAsync(platform));

        var ready = await session.Client.GetJsonAsync(location);
        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        var ran = ready["result"]!["ran"]!;
        Assert.True(ran["ordersConfirmed"]!.GetValue<int>() >= Orders && ran["ordersShipped"]!.GetValue<int>() >= Orders && ran["ordersDelivered"]!.GetValue<int>() >= Orders,
            $"ran {ran.ToJsonString()} after {doneBefore} of {expected} steps before the takeover");
        Assert.Equal(expected, ran["ordersConfirmed"]!.GetValue<int>() + ran["ordersShipped"]!.GetValue<int>() + ran["ordersDelivered"]!.GetValue<int>()
            + ran["ordersHeldBack"]!.AsArray().Count);
        Assert.Equal(expected, ready["progress"]!["orderStepsDone"]!.GetValue<int>() + ready["progress"]!["ordersHeldBack"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnAdvanceAtOrBelowTheThreshold_Answers200AsBefore_AndAnotherPartnersAdvanceIsNotFound()
    {
        var (platform, session, _) = await ThreeOpenOrdersAsync();
        await using var __ = platform;

        var small = await session.Client.AdvanceAsync("PT1H"); // nothing falls due in an hour

        Assert.Equal("2026-11-27T11:00:00.000Z", small["ran"]!["to"]!.GetValue<string>());
        var accepted = await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" });
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var other = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        await (await other.GetAsync(accepted.Headers.Location!.PathAndQuery)).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }
}
