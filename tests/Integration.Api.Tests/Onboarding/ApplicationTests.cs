using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Onboarding;

/// <summary>Issue 22 part 1: applying (internal teams and the applicant), e-mail confirmation, sandbox at once, the status to follow.</summary>
public sealed class ApplicationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("apk_not_a_key_of_any_sign_up_site")]
    public async Task Applying_or_confirming_without_a_sign_up_sites_key_is_401_and_sends_nothing(string? applicationKey)
    {
        var email = OnboardingSteps.NewEmail();
        var site = platform.SignUpSiteClient(applicationKey);

        var applied = await site.PostAsJsonAsync("/v2/applications", OnboardingSteps.ApplicationBody(email));
        var confirmed = await site.PostAsJsonAsync("/v2/applications/confirm", new { token = "apc_" + new string('x', 43) });

        await applied.ReadProblemAsync(HttpStatusCode.Unauthorized, "application_key_invalid");
        Assert.Contains(applied.Headers.WwwAuthenticate, h => h.Scheme == "ApplicationKey");
        await confirmed.ReadProblemAsync(HttpStatusCode.Unauthorized, "application_key_invalid");
        Assert.Empty(platform.MailTo(email));
    }

    [Fact]
    public async Task The_contract_declares_the_application_key_on_the_public_writes()
    {
        var document = await (await platform.CreateClient().GetAsync("/swagger/v2/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var scheme = document["components"]!["securitySchemes"]!["applicationKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("X-Application-Key", scheme["name"]!.GetValue<string>());
        foreach (var path in new[] { "/v2/applications", "/v2/applications/confirm" })
        {
            var security = document["paths"]![path]!["post"]!["security"]!.AsArray();
            Assert.Equal("applicationKey", Assert.Single(Assert.Single(security)!.AsObject()).Key);
        }
    }

    [Fact]
    public async Task Applicant_applies_confirms_by_email_and_calls_the_sandbox_at_once()
    {
        var email = OnboardingSteps.NewEmail();

        var received = await (await platform.ApplyAsync(OnboardingSteps.ApplicationBody(email))).ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("draft", received["status"]!.GetValue<string>());
        Assert.Equal("l***@example.com", received["confirmationSentTo"]!.GetValue<string>());
        var mail = Assert.Single(platform.MailTo(email));
        var confirmed = await (await platform.ConfirmAsync(OnboardingSteps.TokenIn(mail))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("submitted", confirmed["application"]!["status"]!.GetValue<string>());
        var secret = confirmed["sandboxCredential"]!["clientSecret"]!.GetValue<string>();
        Assert.StartsWith("sk_sbx_", secret);
        Assert.DoesNotContain(secret, string.Concat(platform.MailTo(email))); // a secret is never e-mailed

        var token = await platform.TokenAsync(confirmed["sandboxCredential"]!["credential"]!["clientId"]!.GetValue<string>(), secret);
        var client = platform.ClientWithToken(token);
        var me = await (await client.GetAsync("/v2/partners/me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("onboarding", me["status"]!.GetValue<string>());
        Assert.Equal("sandbox", me["environment"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v2/orders")).StatusCode);
        foreach (var version in new[] { "v1", "v2" })
        {
            var mine = await (await client.GetAsync($"/{version}/application")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(confirmed["application"]!["id"]!.GetValue<string>(), mine["id"]!.GetValue<string>());
            Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_confirmation_token_works_once()
    {
        var email = OnboardingSteps.NewEmail();
        await (await platform.ApplyAsync(OnboardingSteps.ApplicationBody(email))).ReadJsonAsync(HttpStatusCode.Accepted);
        var token = OnboardingSteps.TokenIn(platform.MailTo(email).Single());
        await (await platform.ConfirmAsync(token)).ReadJsonAsync(HttpStatusCode.Created);

        await (await platform.ConfirmAsync(token)).ReadProblemAsync(HttpStatusCode.Conflict, "confirmation_token_used");
        await (await platform.ConfirmAsync("apc_" + new string('x', 43))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation_token_invalid");
    }

    [Fact]
    public async Task An_expired_confirmation_token_is_refused_and_creates_no_partner()
    {
        await using var later = new PlatformFactory();
        await later.InitializeAsync();
        var email = OnboardingSteps.NewEmail();
        await (await later.ApplyAsync(OnboardingSteps.ApplicationBody(email))).ReadJsonAsync(HttpStatusCode.Accepted);
        var partnersBefore = await later.WithDbAsync(db => db.Partners.CountAsync());

        later.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        await (await later.ConfirmAsync(OnboardingSteps.TokenIn(later.MailTo(email).Single()))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation_token_expired");
        Assert.Equal(partnersBefore, await later.WithDbAsync(db => db.Partners.CountAsync()));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("li wei@example.com")]
    [InlineData("li.wei@example")]
    public async Task A_malformed_email_is_400_and_sends_nothing(string email)
    {
        var response = await platform.ApplyAsync(OnboardingSteps.ApplicationBody(email));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["contacts[0].email"]);
        Assert.Empty(platform.MailTo(email));
    }

    [Fact]
    public async Task An_unknown_region_is_400()
    {
        var response = await platform.ApplyAsync(OnboardingSteps.ApplicationBody(regions: ["Shanghai"]));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Internal_team_creates_a_submitted_application_lists_and_reads_it()
    {
        var applicant = await platform.CreateApplicationAsync();
        var admin = await platform.AdminClientAsync();

        var one = await (await admin.GetAsync($"/admin/v1/applications/{applicant.ApplicationId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("submitted", one["status"]!.GetValue<string>());
        Assert.Equal(applicant.PartnerId, one["partnerId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.GetAsync("/v1/orders")).StatusCode);
        var partner = await (await admin.GetAsync($"/admin/v1/partners/{applicant.PartnerId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("onboarding", partner["status"]!.GetValue<string>());

        var submitted = await (await admin.GetAsync("/admin/v1/applications?status=submitted&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(submitted["data"]!.AsArray(), a => a!["id"]!.GetValue<string>() == applicant.ApplicationId);
        var rejected = await (await admin.GetAsync("/admin/v1/applications?status=rejected&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(rejected["data"]!.AsArray(), a => a!["id"]!.GetValue<string>() == applicant.ApplicationId);
        Assert.True(await platform.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == applicant.ApplicationId && e.Action == "application.created")));
    }

    [Fact]
    public async Task Listing_pages_with_a_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await platform.CreateApplicationAsync();
        }
        var admin = await platform.AdminClientAsync();

        var first = await (await admin.GetAsync("/admin/v1/applications?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var second = await (await admin.GetAsync($"/admin/v1/applications?limit=2&cursor={first["nextCursor"]!.GetValue<string>()}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, first["data"]!.AsArray().Count);
        var ids = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Status_changes_are_events_the_applicant_can_read_and_subscribe_to()
    {
        var applicant = await platform.CreateApplicationAsync();
        await platform.AdminPostAsync($"/admin/v1/applications/{applicant.ApplicationId}/start-review", null);

        var events = await (await applicant.Client.GetAsync("/v2/events?types=application.status_changed")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(new[] { "submitted", "in_review" }, events["data"]!.AsArray().Select(e => e!["data"]!["status"]!.GetValue<string>()));
        var subscribed = await applicant.Client.PostAsJsonAsync("/v2/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "application.status_changed" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
    }

    [Fact]
    public async Task A_partner_registered_without_an_application_has_none_to_show()
    {
        var session = await platform.NewPartnerSessionAsync();

        await (await session.Client.GetAsync("/v2/application")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task An_unknown_application_is_404()
    {
        var admin = await platform.AdminClientAsync();

        await (await admin.GetAsync("/admin/v1/applications/app_00000000000000000000")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await platform.AdminPostAsync("/admin/v1/applications/app_00000000000000000000/approve", null, HttpStatusCode.NotFound);
    }
}

/// <summary>The public endpoint takes no credential: it is limited per source address.</summary>
public sealed class ApplicationLimitTests(ApplicationLimitTests.TwoAnHour platform) : IClassFixture<ApplicationLimitTests.TwoAnHour>
{
    public sealed class TwoAnHour : PlatformFactory
    {
        public TwoAnHour()
        {
            Settings["RateLimits:Applications:Attempts"] = "2";
            Settings["RateLimits:Applications:Per"] = "01:00:00";
        }
    }

    [Fact]
    public async Task A_third_application_within_the_hour_from_one_address_is_429()
    {
        for (var i = 0; i < 2; i++)
        {
            await (await platform.ApplyAsync(OnboardingSteps.ApplicationBody())).ReadJsonAsync(HttpStatusCode.Accepted);
        }
        var email = OnboardingSteps.NewEmail();

        var response = await platform.ApplyAsync(OnboardingSteps.ApplicationBody(email));

        await response.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Empty(platform.MailTo(email));
    }
}

/// <summary>TestServer does not enforce body limits: the public endpoint's small limit is shown on real Kestrel.</summary>
public sealed class ApplicationBodyLimitTests(ApplicationBodyLimitTests.KestrelPlatform platform) : IClassFixture<ApplicationBodyLimitTests.KestrelPlatform>
{
    public sealed class KestrelPlatform : PlatformFactory
    {
        public KestrelPlatform() => UseKestrel(0);
    }

    [Fact]
    public async Task An_application_body_over_16_KiB_is_413_and_sends_nothing()
    {
        var email = OnboardingSteps.NewEmail();
        var body = OnboardingSteps.ApplicationBody(email);
        body["companyName"] = new string('x', 20_000);

        var response = await platform.ApplyAsync(body);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty(platform.MailTo(email));
    }
}
