using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;

namespace Integration.Api.Tests.Outlets;

public sealed class PromotionEventTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task AnEvent_IsPlannedReadAndCompleted_InBothVersions()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        var o2 = await session.CreateOutletIdAsync(platform.Day(-60));

        var created = await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Spring sale", outletIds = new[] { o1, o2 }, plannedStart = platform.Day(-12), plannedEnd = platform.Day(-10), cost = "2000.00" });
        var v2 = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = v2["id"]!.GetValue<string>();
        Assert.StartsWith("pev_", id);
        Assert.Equal("2000.00", v2["cost"]!["amount"]!.GetValue<string>());
        Assert.Equal("CNY", v2["cost"]!["currency"]!.GetValue<string>());
        Assert.Equal([o1, o2], v2["outletIds"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.False(v2["endedOnTime"]!.GetValue<bool>());
        Assert.EndsWith($"/v2/promotion-events/{id}", created.Headers.Location!.ToString());

        var v1Text = await (await session.Client.GetAsync($"/v1/promotion-events/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("\"cost\":2000.00", v1Text);
        Assert.Contains("\"currency\":\"CNY\"", v1Text);

        var completed = await (await session.Client.PatchWithTagAsync($"/v1/promotion-events/{id}", "\"v1\"",
            $$"""{"actualStart":"{{platform.Day(-12)}}","actualEnd":"{{platform.Day(-10)}}"}""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(completed["endedOnTime"]!.GetValue<bool>());
        Assert.Equal(platform.Day(-10), completed["actualEnd"]!.GetValue<string>());
        Assert.Equal(2, completed["version"]!.GetValue<int>());

        var late = await (await session.Client.PatchWithTagAsync($"/v2/promotion-events/{id}", "\"v2\"", $$"""{"actualEnd":"{{platform.Day(-9)}}"}"""))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(late["endedOnTime"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AV1Event_TakesItsCostAsANumber()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));

        var created = await (await session.Client.PostAsJsonAsync("/v1/promotion-events",
            new { name = "Opening", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(3), cost = 1500.5m })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(1500.50m, created["cost"]!.GetValue<decimal>());
        await (await session.Client.PostAsJsonAsync("/v1/promotion-events",
            new { name = "Opening", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(3), cost = 1500.505m })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Opening", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(3), cost = 1500.5m })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnEventAtAnOutletThatIsNotYours_Is422NamingIt()
    {
        var session = await platform.NewPartnerSessionAsync();
        var mine = await session.CreateOutletIdAsync(platform.Day(-60));
        var stranger = await platform.NewPartnerSessionAsync();
        var theirs = await stranger.CreateOutletIdAsync(platform.Day(-60));

        var problem = await (await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Sale", outletIds = new[] { mine, theirs }, plannedStart = platform.Day(1), plannedEnd = platform.Day(3), cost = "10" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_outlet");

        Assert.True(problem["errors"]!.AsObject().ContainsKey("outletIds[1]"));
        Assert.Empty((await (await session.Client.GetAsync("/v2/promotion-events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Theory]
    [InlineData(0, -1, "plannedEnd")]
    public async Task APlanThatEndsBeforeItStarts_Is422(int start, int end, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));

        var problem = await (await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Sale", outletIds = new[] { o1 }, plannedStart = platform.Day(start), plannedEnd = platform.Day(end), cost = "10" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "plan_end_before_start");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task ActualDates_MustBeInOrderAndNotInTheFuture()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        var id = (await (await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Sale", outletIds = new[] { o1 }, plannedStart = platform.Day(-5), plannedEnd = platform.Day(-3), cost = "10" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var path = $"/v2/promotion-events/{id}";

        await (await session.Client.PatchWithTagAsync(path, "\"v1\"", $$"""{"actualStart":"{{platform.Day(-4)}}","actualEnd":"{{platform.Day(-5)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "actual_end_before_start");
        await (await session.Client.PatchWithTagAsync(path, "\"v1\"", $$"""{"actualStart":"{{platform.Day(1)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "day_in_future");
        await (await session.Client.PatchWithTagAsync(path, "\"v1\"", $$"""{"plannedEnd":"{{platform.Day(-6)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "plan_end_before_start");
        await (await session.Client.PatchWithTagAsync(path, null, $$"""{"actualStart":"{{platform.Day(-5)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.PreconditionRequired, "if_match_required");
        await (await session.Client.PatchWithTagAsync(path, "\"v4\"", $$"""{"actualStart":"{{platform.Day(-5)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        Assert.Equal(1, (await (await session.Client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheList_KeepsEventsWhosePlanOverlapsTheRange()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        async Task<string> Plan(int start, int end) => (await (await session.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Sale", outletIds = new[] { o1 }, plannedStart = platform.Day(start), plannedEnd = platform.Day(end), cost = "10" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var early = await Plan(-30, -25);
        var overlapping = await Plan(-12, -8);
        var inside = await Plan(-9, -9);
        await Plan(-3, 2);

        var listed = (await (await session.Client.GetAsync($"/v1/promotion-events?from={platform.Day(-10)}&to={platform.Day(-5)}")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        Assert.Equal(new[] { overlapping, inside }.Order(), listed.Select(e => e!["id"]!.GetValue<string>()).Order());
        var page = await (await session.Client.GetAsync("/v2/promotion-events?limit=3")).ReadJsonAsync(HttpStatusCode.OK);
        var rest = await (await session.Client.GetAsync($"/v2/promotion-events?limit=3&cursor={page["nextCursor"]}")).ReadJsonAsync(HttpStatusCode.OK);
        var seen = page["data"]!.AsArray().Concat(rest["data"]!.AsArray()).Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(4, seen.Distinct().Count());
        Assert.Contains(early, seen);
        await (await session.Client.GetAsync($"/v2/promotion-events?from={platform.Day(-5)}&to={platform.Day(-10)}")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherPartnersEvent_Is404()
    {
        var owner = await platform.NewPartnerSessionAsync();
        var o1 = await owner.CreateOutletIdAsync(platform.Day(-60));
        var id = (await (await owner.Client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Sale", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = "10" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var stranger = await platform.NewPartnerSessionAsync();

        await (await stranger.Client.GetAsync($"/v1/promotion-events/{id}")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await stranger.Client.PatchWithTagAsync($"/v2/promotion-events/{id}", "\"v1\"", """{"name":"Mine"}""")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty((await (await stranger.Client.GetAsync("/v2/promotion-events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ABulkCreate_CreatesTheGoodEventsAndNamesEachBadOne()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        var stranger = await platform.NewPartnerSessionAsync();
        var theirs = await stranger.CreateOutletIdAsync(platform.Day(-60));
        var events = new object[]
        {
            new { name = "A", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = "100" },
            new { name = "B", outletIds = new[] { o1, theirs }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = "100" },
            new { name = "C", outletIds = new[] { o1 }, plannedStart = platform.Day(3), plannedEnd = platform.Day(2), cost = "100" },
            new { name = "F", outletIds = new[] { o1 }, plannedStart = platform.Day(5), plannedEnd = platform.Day(9), cost = "250.75" },
        };

        var result = await (await session.Client.PostAsJsonAsync("/v2/promotion-events/bulk", new { events })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 2), (result["accepted"]!.GetValue<int>(), result["rejected"]!.GetValue<int>()));
        var rows = result["rows"]!.AsArray();
        Assert.Equal([null, "unknown_outlet", "plan_end_before_start", null], rows.Select(r => r!["code"]?.GetValue<string>()));
        Assert.Equal(["events[1].outletIds[1]", "events[2].plannedEnd"],
            rows.Where(r => r!["field"] is not null).Select(r => r!["field"]!.GetValue<string>()));
        var createdIds = rows.Where(r => r!["status"]!.GetValue<string>() == "accepted").Select(r => r!["id"]!.GetValue<string>()).ToList();

        var listed = (await (await session.Client.GetAsync("/v2/promotion-events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(createdIds.Order(), listed.Select(e => e!["id"]!.GetValue<string>()).Order());
        Assert.Contains(listed, e => e!["cost"]!["amount"]!.GetValue<string>() == "250.75");
    }

    [Fact]
    public async Task ABulkCreate_WithAnEventOutsideTheDocumentedBounds_IsRefusedWholeNamingIt()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        var events = new object[]
        {
            new { name = "A", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = "100" },
            new { name = "", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = "100" },
        };

        var problem = await (await session.Client.PostAsJsonAsync("/v2/promotion-events/bulk", new { events })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals("events[1].name", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await (await session.Client.GetAsync("/v2/promotion-events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ABulkCreate_OverTheLimit_IsRefusedWhole()
    {
        var session = await platform.NewPartnerSessionAsync();
        var o1 = await session.CreateOutletIdAsync(platform.Day(-60));
        var events = Enumerable.Range(0, ContractLimits.PromotionEventRows + 1)
            .Select(i => new { name = $"E{i}", outletIds = new[] { o1 }, plannedStart = platform.Day(1), plannedEnd = platform.Day(2), cost = 10.00m }).ToArray();

        await (await session.Client.PostAsJsonAsync("/v1/promotion-events/bulk", new { events })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Empty((await (await session.Client.GetAsync("/v1/promotion-events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }
}
