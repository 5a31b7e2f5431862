using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Partners;

public sealed class PartnerRegistryTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task CreatePartner_Returns201WithLocationETagAndTheStoredRecord()
    {
        var admin = await platform.AdminClientAsync();
        var body = PlatformFactory.PartnerBody(name: "East Coast Distribution", tier: "basic", rating: "A", region: "CN-ZJ", qualified: true);
        body["agreement"] = new { discountRate = 0.15m, annualTarget = 3_000_000m };

        var response = await admin.PostAsJsonAsync("/admin/v1/partners", body);

        var json = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = json["id"]!.GetValue<string>();
        Assert.StartsWith("ptn_", id);
        Assert.EndsWith($"/admin/v1/partners/{id}", response.Headers.Location!.ToString());
        Assert.Equal("\"v1\"", response.Headers.ETag!.ToString());
        Assert.Equal("basic", json["tier"]!.GetValue<string>());
        Assert.Equal("regional_distribution", json["cooperationMode"]!.GetValue<string>());
        Assert.Equal("active", json["status"]!.GetValue<string>());
        Assert.Equal(0.15m, json["agreement"]!["effectiveDiscountRate"]!.GetValue<decimal>());
        Assert.Equal(3_000_000m, json["agreement"]!["annualTarget"]!.GetValue<decimal>());
        Assert.True(json["qualification"]!["qualified"]!.GetValue<bool>());
        Assert.EndsWith("Z", json["createdAt"]!.GetValue<string>());

        var read = await (await admin.GetAsync($"/admin/v1/partners/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(json.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task TierDefaults_ApplyWhenTheAgreementIsSilent()
    {
        var admin = await platform.AdminClientAsync();
        var basic = await (await admin.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody(tier: "basic"))).ReadJsonAsync(HttpStatusCode.Created);
        var advanced = await (await admin.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody(tier: "advanced"))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(0.10m, basic["agreement"]!["effectiveDiscountRate"]!.GetValue<decimal>());
        Assert.Equal(500_000m, basic["agreement"]!["annualPurchaseCommitment"]!.GetValue<decimal>());
        Assert.Equal(0.25m, advanced["agreement"]!["effectiveDiscountRate"]!.GetValue<decimal>());
        Assert.Equal(2_000_000m, advanced["agreement"]!["annualPurchaseCommitment"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task SecondActiveExclusiveAgentInARegion_Is409AndWritesNothing()
    {
        var region = UniqueRegion();
        var admin = await platform.AdminClientAsync();
        await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region));
        var before = await CountsAsync();

        var response = await admin.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "exclusive_agent_exists");
        Assert.Contains(region, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ExclusiveAgent_IsAllowedOncePerRegion_AndAgainWhenTheFirstIsNoLongerActive()
    {
        var region = UniqueRegion();
        var admin = await platform.AdminClientAsync();
        var first = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region));
        await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region + "-PD"));
        await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "co_branding", region: region));

        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{first}", new { status = "frozen" })).EnsureSuccessStatusCode();
        var second = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region));

        var reactivate = await admin.PatchAsJsonAsync($"/admin/v1/partners/{first}", new { status = "active" });
        await reactivate.ReadProblemAsync(HttpStatusCode.Conflict, "exclusive_agent_exists");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ConcurrentExclusiveAgentRegistrations_ForOneRegion_ExactlyOneSucceeds()
    {
        var region = UniqueRegion();
        var admin = await platform.AdminClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            admin.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody(mode: "exclusive_agency", region: region))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await platform.WithDbAsync(db => db.Partners.CountAsync(p => p.RegionCode == region)));
    }

    [Fact]
    public async Task SubDistributor_MustSitBelowARegionalDistributorsRegion()
    {
        var admin = await platform.AdminClientAsync();
        var parent = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(region: "CN-JS"));
        var exclusive = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(mode: "exclusive_agency", region: UniqueRegion()));

        var below = PlatformFactory.PartnerBody(region: "CN-JS-NJ");
        below["parentPartnerId"] = parent;
        var outside = PlatformFactory.PartnerBody(region: "CN-ZJ-HZ");
        outside["parentPartnerId"] = parent;
        var underAgent = PlatformFactory.PartnerBody(region: "CN-JS-SZ");
        underAgent["parentPartnerId"] = exclusive;
        var missing = PlatformFactory.PartnerBody(region: "CN-JS-SZ");
        missing["parentPartnerId"] = "ptn_missing";

        var created = await (await admin.PostAsJsonAsync("/admin/v1/partners", below)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(parent, created["parentPartnerId"]!.GetValue<string>());
        await (await admin.PostAsJsonAsync("/admin/v1/partners", outside)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_parent");
        await (await admin.PostAsJsonAsync("/admin/v1/partners", underAgent)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_parent");
        await (await admin.PostAsJsonAsync("/admin/v1/partners", missing)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "parent_not_found");
    }

    [Fact]
    public async Task ADiscountRateMorePreciseThanStored_Is400_AndOneThatFitsIsEchoedAsStored()
    {
        var admin = await platform.AdminClientAsync();
        var id = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(tier: "strategic"));

        var tooPrecise = await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { agreement = new { discountRate = 0.2612345m } });
        var fits = await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { agreement = new { discountRate = 0.261234m } })).ReadJsonAsync(HttpStatusCode.OK);
        var read = await (await admin.GetAsync($"/admin/v1/partners/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        var problem = await tooPrecise.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["agreement.discountRate"]);
        Assert.Equal(0.261234m, fits["agreement"]!["discountRate"]!.GetValue<decimal>());
        Assert.Equal(0.261234m, read["agreement"]!["discountRate"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("basic", 0.21)]
    [InlineData("basic", 0.05)]
    [InlineData("advanced", 0.30)]
    public async Task AgreementDiscountOutsideTheTiersRange_Is400(string tier, double discount)
    {
        var admin = await platform.AdminClientAsync();
        var body = PlatformFactory.PartnerBody(tier: tier);
        body["agreement"] = new { discountRate = (decimal)discount };

        var problem = await (await admin.PostAsJsonAsync("/admin/v1/partners", body)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.NotNull(problem["errors"]!["agreement.discountRate"]);
    }

    [Theory]
    [InlineData("""{"name":"X","tier":"gold","creditRating":"A","cooperationMode":"co_branding","regionCode":"CN"}""", "tier")]
    [InlineData("""{"name":"X","tier":"basic","creditRating":"A","cooperationMode":"co_branding","regionCode":"shanghai"}""", "RegionCode")]
    [InlineData("""{"name":"X","tier":"basic","creditRating":"A","cooperationMode":"co_branding","regionCode":"CN","colour":"red"}""", "colour")]
    [InlineData("""{"name":"X","tier":"basic","creditRating":"A","cooperationMode":"co_branding","regionCode":5}""", "regionCode")]
    [InlineData("""{"name":"X","tier":"basic","creditRating":"A","cooperationMode":"co_branding","regionCode":"CN","qualificationVerifiedOn":"yesterday"}""", "qualificationVerifiedOn")]
    [InlineData("""{"name":"X","tier":"basic","creditRating":"A","cooperationMode":"co_branding","regionCode":"CN","agreement":{"discountRate":"lots"}}""", "agreement.discountRate")]
    [InlineData("""{"name":"X","tier":"basic""", "body")]
    public async Task MalformedPartner_Is400NamingTheFieldAndWritesNothing(string json, string field)
    {
        var admin = await platform.AdminClientAsync();
        var before = await CountsAsync();

        var response = await admin.PostAsync("/admin/v1/partners", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Is412AndChangesNothing()
    {
        var admin = await platform.AdminClientAsync();
        var id = await platform.CreatePartnerAsync();
        var first = await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { creditRating = "A" });
        Assert.Equal("\"v2\"", first.Headers.ETag!.ToString());

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/admin/v1/partners/{id}") { Content = JsonContent.Create(new { creditRating = "C" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
        await (await admin.SendAsync(stale)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var fresh = new HttpRequestMessage(HttpMethod.Patch, $"/admin/v1/partners/{id}") { Content = JsonContent.Create(new { creditRating = "C" }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"v2\"");
        var updated = await (await admin.SendAsync(fresh)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("C", updated["creditRating"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachUpdate_MovesTheETagOnByOne_StatusChangesIncluded()
    {
        var admin = await platform.AdminClientAsync();
        var id = await platform.CreatePartnerAsync();

        var frozen = await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { status = "frozen", creditRating = "A" });

        Assert.Equal("\"v2\"", frozen.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task StatusChanges_FollowThePartnerLifecycle()
    {
        var admin = await platform.AdminClientAsync();
        var id = await platform.CreatePartnerAsync();

        await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { status = "terminated" })).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { status = "exiting" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var exiting = await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { status = "exiting", exitDate = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-12-31", exiting["exitDate"]!.GetValue<string>());
        var terminated = await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{id}", new { status = "terminated" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", terminated["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListPartners_PagesWithCursorsAndLinkHeaders_WithoutRepeatsOrGaps()
    {
        var admin = await platform.AdminClientAsync();
        var region = UniqueRegion();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            platform.Clock.Advance(TimeSpan.FromMilliseconds(1));
            created.Add(await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(region: region)));
        }

        var seen = new List<string>();
        string? url = $"/admin/v1/partners?regionCode={region}&limit=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await admin.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
            var next = page["nextCursor"]?.GetValue<string>();
            if (next is not null)
            {
                Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single());
                if (pages == 0)
                {
                    platform.Clock.Advance(TimeSpan.FromMilliseconds(1));
                    await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(region: region)); // inserted while paging
                }
            }
            url = next is null ? null : $"/admin/v1/partners?regionCode={region}&limit=2&cursor={Uri.EscapeDataString(next)}";
            pages++;
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
        Assert.Equal(6, seen.Count);
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("status=sleeping", "status")]
    public async Task ListPartners_WithBadPaging_Is400(string query, string field)
    {
        var admin = await platform.AdminClientAsync();

        var problem = await (await admin.GetAsync($"/admin/v1/partners?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Fact]
    public async Task PartnerMe_ShowsTheCallersOwnProfileEnvironmentAndScopes()
    {
        var admin = await platform.AdminClientAsync();
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:read", "inventory:read"]);

        var response = await session.Client.GetAsync("/v1/partners/me");

        var me = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(session.PartnerId, me["id"]!.GetValue<string>());
        Assert.Equal("sandbox", me["environment"]!.GetValue<string>());
        Assert.Equal(session.Credential.ClientId, me["clientId"]!.GetValue<string>());
        Assert.Equal(["orders:read", "inventory:read"], me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("sandbox", response.Headers.GetValues("X-Environment").Single());
        Assert.Equal(0.25m, me["discountRate"]!.GetValue<decimal>());
        _ = admin;
    }

    [Fact]
    public async Task PartnerMe_in_v2_gives_the_discount_rate_as_a_decimal_string_like_every_v2_rate()
    {
        var session = await platform.NewPartnerSessionAsync();

        var me = await (await session.Client.GetAsync("/v2/partners/me")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.String, me["discountRate"]!.GetValueKind());
        Assert.Equal("0.25", me["discountRate"]!.GetValue<string>());
    }

    private static string UniqueRegion() => "X" + (char)('A' + Random.Shared.Next(26)) + "-" + Random.Shared.Next(100, 999);

    private Task<(int Partners, int Audit)> CountsAsync() =>
        platform.WithDbAsync(async db => (await db.Partners.CountAsync(), await db.AuditEntries.CountAsync()));
}
