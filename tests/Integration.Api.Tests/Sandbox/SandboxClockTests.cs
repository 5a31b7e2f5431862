using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxClockTests
{
    public static TheoryData<object, string> RefusedAdvances() => new()
    {
        { new { to = "2026-11-26T10:00:00Z" }, "clock_backwards" },
        { new { to = "2026-11-27T10:00:00Z" }, "clock_backwards" },
        { new { by = "P732D" }, "advance_too_far" },
        { new { to = "2028-12-01T00:00:00Z" }, "advance_too_far" },
        { new { by = "P1M" }, "validation_failed" },
        { new { by = "P1Y" }, "validation_failed" },
        { new { by = "-P1D" }, "validation_failed" },
        { new { by = "PT0S" }, "validation_failed" },
        { new { by = "35 days" }, "validation_failed" },
        { new { by = "P1D", to = "2026-12-01T00:00:00Z" }, "validation_failed" },
        { new { }, "validation_failed" },
        { new { by = 35 }, "validation_failed" },
    };

    [Theory]
    [MemberData(nameof(RefusedAdvances))]
    public async Task AClockAdvance_ThatIsBackwards_TooFar_OrMalformed_IsRefused_AndTheClockStays(object body, string code)
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var ordersBefore = (await session.Client.OrdersAsync()).ToJsonString();

        var response = await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", body);

        var problem = await response.ReadProblemAsync(code == "validation_failed" ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity, code);
        Assert.NotNull(problem["errors"]);
        var clock = await session.Client.GetJsonAsync("/v2/sandbox/clock");
        Assert.Equal("PT0S", clock["offset"]!.GetValue<string>());
        Assert.Equal(ordersBefore, (await session.Client.OrdersAsync()).ToJsonString());
    }

    [Fact]
    public async Task Advancing_ByOrTo_MovesOnlyThisSandboxesClock_ToTheMillisecond_AndWhatItsRequestsStamp()
    {
        // A start with milliseconds: "to" must land exactly, not to the second.
        await using var platform = await SandboxPlatform.StartAsync(SandboxPlatform.DefaultStart.AddMilliseconds(250));
        var session = await platform.NewPartnerSessionAsync("sandbox");

        var first = await session.Client.AdvanceAsync("P1W2DT3H");
        Assert.Equal("2026-12-06T13:00:00.250Z", first["clock"]!["now"]!.GetValue<string>());
        Assert.Equal(first["clock"]!["now"]!.GetValue<string>(), first["ran"]!["to"]!.GetValue<string>());
        var second = await (await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = "2027-02-01T00:00:00Z" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2027-02-01T00:00:00.000Z", second["clock"]!["now"]!.GetValue<string>());
        Assert.Equal("2026-12-06T13:00:00.250Z", second["ran"]!["from"]!.GetValue<string>());

        // Requests now run on the sandbox clock: a new order is created "in February 2027".
        var order = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-FEB", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("2027-02-01T00:00:00", order["createdAt"]!.GetValue<string>());
        // Real time passing moves the sandbox clock along with it.
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("2027-02-01T00:05:00.000Z", (await session.Client.GetJsonAsync("/v2/sandbox/clock"))["now"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdvancingPastATransfersLifetime_ExpiresIt_AndReleasesThePeersStock()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;
        var shared = (await client.GetJsonAsync("/v2/inventory/shared?sku=SBX-SOCKS-3PK"))["locations"]!.AsArray();
        Assert.Equal(2, shared.Count); // both peers share with this partner
        var peerLocation = shared[0]!;
        var own = (await client.GetJsonAsync("/v2/locations"))["data"]![0]!["id"]!.GetValue<string>();
        var transfer = await client.RequestTransferAsync(peerLocation["locationId"]!.GetValue<string>(), own, "SBX-SOCKS-3PK", 5);
        var availableBefore = peerLocation["available"]!.GetValue<int>();

        var advanced = await client.AdvanceAsync("P3D");

        Assert.Equal(1, advanced["ran"]!["transfersExpired"]!.GetValue<int>());
        Assert.Equal("expired", (await client.GetJsonAsync($"/v2/transfers/{transfer["id"]!.GetValue<string>()}"))["status"]!.GetValue<string>());
        var after = (await client.GetJsonAsync("/v2/inventory/shared?sku=SBX-SOCKS-3PK"))["locations"]!.AsArray()
            .Single(l => l!["locationId"]!.GetValue<string>() == peerLocation["locationId"]!.GetValue<string>())!;
        Assert.Equal(availableBefore, after["available"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConcurrentAdvances_EachMoveTheClockOnceOrAreRefused_AndNoOrderStepRunsTwice()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        for (var i = 0; i < 3; i++)
        {
            await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody($"PO-RACE-{i}", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P2D" })));

        var moved = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                moved++;
            }
            else
            {
                await response.ReadProblemAsync(HttpStatusCode.Conflict, "concurrent_update");
            }
        }
        Assert.InRange(moved, 1, 4);
        var clock = await session.Client.GetJsonAsync("/v2/sandbox/clock");
        Assert.Equal(SandboxPlatform.DefaultStart.AddDays(2 * moved), DateTimeOffset.Parse(clock["now"]!.GetValue<string>()));
        foreach (var order in await session.Client.OrdersAsync())
        {
            var events = (await session.Client.GetJsonAsync($"/v2/orders/{order!["id"]}/events?limit=100"))["data"]!.AsArray();
            var steps = events.Select(e => (From: e!["from"]?.GetValue<string>(), To: e["to"]!.GetValue<string>())).ToList();
            // One unbroken chain of status changes: no step recorded twice, none skipped.
            Assert.Equal(steps.Count, steps.Select(step => step.To).Distinct().Count());
            Assert.All(steps.Skip(1).Zip(steps), pair => Assert.Equal(pair.Second.To, pair.First.From));
            Assert.Equal(steps[^1].To, order["status"]!.GetValue<string>());
        }
    }
}

public sealed class SandboxInternalWorkTests
{
    [Fact]
    public async Task AnInternalTeamMovingASandboxOrder_StampsItOnThePartnersSandboxClock()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        await session.Client.AdvanceAsync("P10D");
        var order = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-ADMIN", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);

        var confirmed = await (await platform.AdminMoveAsync(order["id"]!.GetValue<string>(), "confirm")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-12-07T10:00:00.000Z", order["createdAt"]!.GetValue<string>());
        Assert.Equal(order["createdAt"]!.GetValue<string>(), confirmed["confirmedAt"]!.GetValue<string>());
    }
}
