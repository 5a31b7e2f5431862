using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;

namespace Integration.Api.Tests.Outlets;

public sealed class ActivityReportTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task ADay_IsReported_AndReportingItAgainReplacesIt()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));

        var first = await (await session.Client.ReportDayAsync(id, platform.Day(-2), 1200, 84)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1200, first["footfall"]!.GetValue<int>());
        var again = await (await session.Client.ReportDayAsync(id, platform.Day(-2), 1300, 91, "v1")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(91, again["conversions"]!.GetValue<int>());

        var days = (await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var day = Assert.Single(days)!;
        Assert.Equal(platform.Day(-2), day["day"]!.GetValue<string>());
        Assert.Equal((1300, 91), (day["footfall"]!.GetValue<int>(), day["conversions"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ReportedDays_AreListedByRangeOldestFirstAndPaged()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        foreach (var back in new[] { 3, 10, 5, 1, 7 })
        {
            (await session.Client.ReportDayAsync(id, platform.Day(-back), 100 + back, back)).EnsureSuccessStatusCode();
        }

        var page = await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports?from={platform.Day(-7)}&to={platform.Day(-3)}&limit=2"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([platform.Day(-7), platform.Day(-5)], page["data"]!.AsArray().Select(d => d!["day"]!.GetValue<string>()));
        var rest = await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports?from={platform.Day(-7)}&to={platform.Day(-3)}&limit=2&cursor={page["nextCursor"]}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([platform.Day(-3)], rest["data"]!.AsArray().Select(d => d!["day"]!.GetValue<string>()));
        Assert.Null(rest["nextCursor"]);

        await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports?from={platform.Day(-3)}&to={platform.Day(-7)}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports?from=yesterday")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(-1, 0, HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData(10, -1, HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData(10, 11, HttpStatusCode.UnprocessableEntity, "conversions_exceed_footfall")]
    public async Task BadCounts_AreRefused(int footfall, int conversions, HttpStatusCode status, string code)
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));

        await (await session.Client.ReportDayAsync(id, platform.Day(-1), footfall, conversions)).ReadProblemAsync(status, code);
        Assert.Empty((await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ADayThatHasNotBegun_OrOnWhichTheOutletWasNotOpen_Is422()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v1\"", $$"""{"closedOn":"{{platform.Day(-3)}}"}""")).EnsureSuccessStatusCode();

        await (await session.Client.ReportDayAsync(id, platform.Day(1), 10, 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "day_in_future");
        await (await session.Client.ReportDayAsync(id, platform.Day(-31), 10, 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "outlet_closed");
        await (await session.Client.ReportDayAsync(id, platform.Day(-3), 10, 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "outlet_closed");
        (await session.Client.ReportDayAsync(id, platform.Day(-4), 10, 1)).EnsureSuccessStatusCode();
        await (await session.Client.PutAsJsonAsync($"/v2/outlets/{id}/activity-reports/2026-02-30", new { footfall = 1, conversions = 0 })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task InTheSandbox_TodayIsTheSandboxClocks()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        await (await session.Client.ReportDayAsync(id, platform.Day(2), 10, 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "day_in_future");

        (await session.Client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P3D" })).EnsureSuccessStatusCode();

        await (await session.Client.ReportDayAsync(id, platform.Day(2), 10, 1)).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ABulkReport_StoresTheGoodRowsAndNamesEachBadOne()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        var other = await session.CreateOutletIdAsync(platform.Day(-30));
        var stranger = await platform.NewPartnerSessionAsync();
        var strangers = await stranger.CreateOutletIdAsync(platform.Day(-30));
        var reports = new object[]
        {
            new { outletId = id, day = platform.Day(-1), footfall = 500, conversions = 40 },
            new { outletId = id, day = platform.Day(-2), footfall = 10, conversions = 11 },
            new { outletId = other, day = platform.Day(-1), footfall = 300, conversions = 20 },
            new { outletId = strangers, day = platform.Day(-1), footfall = 1, conversions = 1 },
            new { outletId = id, day = platform.Day(1), footfall = 1, conversions = 1 },
            new { outletId = id, day = platform.Day(-40), footfall = 1, conversions = 1 },
        };

        var result = await (await session.Client.PostAsJsonAsync("/v2/activity-reports", new { reports })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, result["accepted"]!.GetValue<int>());
        Assert.Equal(4, result["rejected"]!.GetValue<int>());
        var rows = result["rows"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 6), rows.Select(r => r!["index"]!.GetValue<int>()));
        Assert.Equal(["accepted", "rejected", "accepted", "rejected", "rejected", "rejected"], rows.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(
            [null, "conversions_exceed_footfall", null, "unknown_outlet", "day_in_future", "outlet_closed"],
            rows.Select(r => r!["code"]?.GetValue<string>()));
        Assert.Equal("reports[1].conversions", rows[1]!["field"]!.GetValue<string>());
        Assert.Equal("reports[3].outletId", rows[3]!["field"]!.GetValue<string>());
        Assert.Equal("reports[5].day", rows[5]!["field"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(rows[4]!["reason"]!.GetValue<string>()));

        var stored = (await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(500, Assert.Single(stored)!["footfall"]!.GetValue<int>());
        Assert.Single((await (await session.Client.GetAsync($"/v2/outlets/{other}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Empty((await (await stranger.Client.GetAsync($"/v2/outlets/{strangers}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ABulkReport_WithAValueOutsideTheDocumentedBounds_IsRefusedWholeNamingIt()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));

        var problem = await (await session.Client.PostAsJsonAsync("/v2/activity-reports", new
        {
            reports = new[]
            {
                new { outletId = id, day = platform.Day(-1), footfall = 500, conversions = 40 },
                new { outletId = id, day = platform.Day(-2), footfall = -5, conversions = 0 },
            },
        })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals("reports[1].footfall", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ABulkReport_ReplacesDaysAlreadyReported_AndALaterRowWins()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        (await session.Client.ReportDayAsync(id, platform.Day(-1), 100, 10)).EnsureSuccessStatusCode();

        var result = await (await session.Client.PostAsJsonAsync("/v1/activity-reports", new
        {
            reports = new[]
            {
                new { outletId = id, day = platform.Day(-1), footfall = 200, conversions = 20 },
                new { outletId = id, day = platform.Day(-1), footfall = 250, conversions = 25 },
            },
        })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, result["accepted"]!.GetValue<int>());
        var day = Assert.Single((await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray())!;
        Assert.Equal(250, day["footfall"]!.GetValue<int>());
    }

    [Fact]
    public async Task ABulkReport_OverTheLimit_IsRefusedWhole()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));
        var reports = Enumerable.Range(0, ContractLimits.ActivityReportRows + 1)
            .Select(_ => new { outletId = id, day = platform.Day(-1), footfall = 1, conversions = 0 }).ToArray();

        var problem = await (await session.Client.PostAsJsonAsync("/v2/activity-reports", new { reports })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("reports", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await (await session.Client.GetAsync($"/v2/outlets/{id}/activity-reports")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        await (await session.Client.PostAsJsonAsync("/v2/activity-reports", new { reports = Array.Empty<object>() })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ABulkReport_OfAThousandRows_IsAcceptedWhole()
    {
        var session = await platform.NewPartnerSessionAsync();
        var outlets = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            outlets.Add(await session.CreateOutletIdAsync(platform.Day(-200)));
        }
        var reports = Enumerable.Range(0, ContractLimits.ActivityReportRows)
            .Select(i => new { outletId = outlets[i % 10], day = platform.Day(-1 - i / 10), footfall = 100 + i, conversions = i % 100 }).ToArray();

        var result = await (await session.Client.PostAsJsonAsync("/v2/activity-reports", new { reports })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ContractLimits.ActivityReportRows, result["accepted"]!.GetValue<int>());
        var page = await (await session.Client.GetAsync($"/v2/outlets/{outlets[3]}/activity-reports?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(100, page["data"]!.AsArray().Count);
    }
}
