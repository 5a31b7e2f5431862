using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Agreements;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;

namespace Integration.Api.Tests.Onboarding;

/// <summary>
/// Issue 22's whole path through HTTP, each step by the person whose role it is: apply → sandbox at once → documents →
/// review (more information, then approval) → two agreement rounds and their diff → both documents signed by both
/// sides → live credentials asked by one person and approved by another → the first live call; the audit chain holds.
/// </summary>
public sealed class OnboardingJourneyTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task From_application_to_the_first_live_call_each_step_by_its_role()
    {
        var reviewer = await platform.InternalSessionAsync(InternalRole.Onboarding);
        var legal = await platform.ClientWithRoleAsync(InternalRole.Legal);
        var credentialsDesk = await platform.ClientWithRoleAsync(InternalRole.Credentials);
        var riskAuditor = await platform.ClientWithRoleAsync(InternalRole.Risk);

        // The company applies on the public endpoint and confirms by e-mail: its sandbox works at once.
        var applicant = await platform.ApplyAndConfirmAsync(OnboardingSteps.ApplicationBody(regions: ["CN-ZJ"]));
        await (await applicant.Client.GetAsync("/v2/orders")).ReadJsonAsync(HttpStatusCode.OK);
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: InDays(500))).ReadJsonAsync(HttpStatusCode.Created);

        // Review: more information first, then approval.
        var application = $"/admin/v1/applications/{applicant.ApplicationId}";
        await Ok(reviewer.Client.PostAsync($"{application}/start-review", null));
        await Ok(reviewer.Client.PostAsJsonAsync($"{application}/request-information", new { missing = "Your ISO 9001 certificate, if you hold one." }));
        await (await applicant.Client.UploadAsync("iso_certificate", OnboardingSteps.Png, "iso-9001.png", "image/png")).ReadJsonAsync(HttpStatusCode.Created);
        await Ok(applicant.Client.PostAsJsonAsync("/v2/application/resubmit", new { response = "ISO 9001 attached." }));
        await Ok(reviewer.Client.PutAsJsonAsync($"{application}/checklist/region_coverage", new { verdict = "met", note = "Four outlets in Hangzhou." }));
        var approved = await Ok(reviewer.Client.PostAsync($"{application}/approve", null));
        await Ok(reviewer.Client.PatchAsJsonAsync($"/admin/v1/partners/{applicant.PartnerId}",
            new { businessLicenceNumber = "91330100MA2B0000XY", qualificationVerifiedOn = Today() }));

        // Two negotiation rounds, and what changed between them.
        var agreements = $"/admin/v1/partners/{applicant.PartnerId}/agreements";
        var first = await (await reviewer.Client.PostAsJsonAsync(agreements, AgreementPlatform.Terms(tier: "basic", discount: 0.12m, target: 800_000m)))
            .ReadJsonAsync(HttpStatusCode.Created);
        var second = await (await reviewer.Client.PostAsJsonAsync(agreements, AgreementPlatform.Terms(tier: "basic", discount: 0.15m, target: 800_000m)))
            .ReadJsonAsync(HttpStatusCode.Created);
        var diff = await Ok(reviewer.Client.GetAsync($"{agreements}/diff?from={first["id"]}&to={second["id"]}"));
        var negotiating = await Ok(applicant.Client.GetAsync("/v2/application"));
        var tooEarly = await reviewer.Client.PostAsJsonAsync($"/admin/v1/partners/{applicant.PartnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read", "orders:write" }, reason = "Before signing." });

        // Both sides sign both documents; the brand's side by legal.
        var versionId = second["id"]!.GetValue<string>();
        foreach (var document in new[] { "agreement", "confidentiality_supplement" })
        {
            await Ok(legal.PostAsJsonAsync($"{agreements}/{versionId}/signatures/brand",
                new { document, signerName = "Zhang Min", signerRole = "Legal counsel", method = "electronic" }));
            await Ok(reviewer.Client.PostAsJsonAsync($"{agreements}/{versionId}/signatures/partner",
                new { document, signerName = "Chen Hui", signerRole = "General manager", method = "electronic" }));
        }
        var active = await Ok(applicant.Client.GetAsync("/v2/application"));

        // Live credentials: the reviewer asks, the credentials desk approves; the reviewer cannot approve their own request.
        var asked = await (await reviewer.Client.PostAsJsonAsync($"/admin/v1/partners/{applicant.PartnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read", "orders:write" }, reason = "Agreement signed." })).ReadJsonAsync(HttpStatusCode.Created);
        var selfApproval = await reviewer.Client.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null);
        var issued = await (await credentialsDesk.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadJsonAsync(HttpStatusCode.Created);
        var live = platform.ClientWithToken(await platform.TokenAsync(
            issued["credential"]!["clientId"]!.GetValue<string>(), issued["clientSecret"]!.GetValue<string>()));
        var me = await Ok(live.GetAsync("/v2/partners/me"));
        var verification = await Ok(riskAuditor.GetAsync("/admin/v1/audit-entries/verification"));

        Assert.Equal("approved_for_negotiation", approved["status"]!.GetValue<string>());
        Assert.Equal(["discountRate"], diff["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()));
        Assert.Equal("negotiating", negotiating["status"]!.GetValue<string>());
        await tooEarly.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "onboarding_incomplete");
        Assert.Equal("active", active["status"]!.GetValue<string>());
        await selfApproval.ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        Assert.Equal(applicant.PartnerId, me["id"]!.GetValue<string>());
        Assert.Equal("active", me["status"]!.GetValue<string>());
        Assert.Equal("0.15", me["discountRate"]!.GetValue<string>());
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());
        var statuses = (await Ok(applicant.Client.GetAsync("/v2/events?types=application.status_changed")))["data"]!.AsArray()
            .Select(e => e!["data"]!["status"]!.GetValue<string>());
        Assert.Equal(["submitted", "in_review", "needs_information", "in_review", "approved_for_negotiation", "negotiating", "signed", "active"], statuses);
    }

    [Fact]
    public async Task An_application_not_yet_approved_cannot_negotiate_and_nothing_is_drafted()
    {
        var applicant = await platform.CreateApplicationAsync();
        var admin = await platform.AdminClientAsync();

        var refused = await admin.PostAsJsonAsync($"/admin/v1/partners/{applicant.PartnerId}/agreements", AgreementPlatform.Terms(tier: "basic", discount: 0.12m));
        var versions = await Ok(admin.GetAsync($"/admin/v1/partners/{applicant.PartnerId}/agreements"));

        await refused.ReadProblemAsync(HttpStatusCode.Conflict, "application_not_approved");
        Assert.Empty(versions["data"]!.AsArray());
    }

    private static async Task<JsonNode> Ok(Task<HttpResponseMessage> response) => await (await response).ReadJsonAsync(HttpStatusCode.OK);

    private string Today() => DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    private string InDays(int days) => DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd");
}
