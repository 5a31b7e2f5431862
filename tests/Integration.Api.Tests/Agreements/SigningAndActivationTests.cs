using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Agreements;

public sealed class SigningAndActivationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task SigningBothDocumentsBySides_ActivatesThePartnerWithTheSignedTerms_AndOnlyThenLiveCredentialsAreIssued()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var sandbox = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var sandboxClient = platform.ClientWithToken(await platform.TokenAsync(sandbox.ClientId, sandbox.Secret));
        var admin = await platform.AdminClientAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.18m, target: 900_000m, paymentTermDays: 45));
        var versionId = version["id"]!.GetValue<string>();

        var liveTooEarly = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "Going live." });
        await platform.SignAsync(partnerId, versionId, "brand", "agreement");
        await platform.SignAsync(partnerId, versionId, "partner", "agreement");
        await platform.SignAsync(partnerId, versionId, "partner", "confidentiality_supplement");
        var stillOnboarding = await platform.PartnerAsync(partnerId);
        var signed = await (await platform.SignAsync(partnerId, versionId, "brand", "confidentiality_supplement")).ReadJsonAsync(HttpStatusCode.OK);
        var partner = await platform.PartnerAsync(partnerId);
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var liveClient = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));
        var me = await (await liveClient.GetAsync("/v1/partners/me")).ReadJsonAsync(HttpStatusCode.OK);
        var heard = (await (await sandboxClient.GetAsync("/v1/events?types=agreement.signed,partner.activated")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        var problem = await liveTooEarly.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "onboarding_incomplete");
        Assert.Contains("onboarding", problem["detail"]!.GetValue<string>());
        Assert.Equal("onboarding", stillOnboarding["status"]!.GetValue<string>());
        Assert.Equal("signed", signed["status"]!.GetValue<string>());
        Assert.Equal("active", partner["status"]!.GetValue<string>());
        Assert.Equal("basic", partner["tier"]!.GetValue<string>());
        Assert.Equal(versionId, partner["agreement"]!["versionId"]!.GetValue<string>());
        Assert.Equal(0.18m, partner["agreement"]!["effectiveDiscountRate"]!.GetValue<decimal>());
        Assert.Equal(900_000m, partner["agreement"]!["annualTarget"]!.GetValue<decimal>());
        Assert.Equal(0.18m, me["discountRate"]!.GetValue<decimal>());
        Assert.Equal(["agreement.signed", "partner.activated"], heard.Select(e => e!["type"]!.GetValue<string>()).Order());
        var audit = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == versionId || e.Target == partnerId).Select(e => e.Action).ToListAsync());
        Assert.Contains("agreement.signed", audit);
        Assert.Contains("partner.activated", audit);
    }

    [Fact]
    public async Task ANewSignedVersion_ReplacesTheAgreement_AndTheOldOneStaysInTheArchive()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var first = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(target: 2_500_000m));
        (await platform.SignEverythingAsync(partnerId, first["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var second = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(target: 3_000_000m));
        (await platform.SignEverythingAsync(partnerId, second["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var admin = await platform.AdminClientAsync();

        var list = (await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/agreements")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var partner = await platform.PartnerAsync(partnerId);

        Assert.Equal(["replaced", "signed"], list.Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal(2_500_000m, list[0]!["terms"]!["annualTarget"]!.GetValue<decimal>());
        Assert.Equal(3_000_000m, partner["agreement"]!["annualTarget"]!.GetValue<decimal>());
        Assert.Equal("active", partner["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASecondActiveExclusiveAgentForARegion_IsRefusedAtTheLastSignature_AndNothingChanges()
    {
        var region = "CN-" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        var holder = await platform.OnboardingPartnerAsync(mode: "exclusive_agency", region: region);
        var holderVersion = await platform.DraftAsync(holder, AgreementPlatform.Terms(mode: "exclusive_agency", exclusiveRegion: region));
        (await platform.SignEverythingAsync(holder, holderVersion["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var rival = await platform.OnboardingPartnerAsync(mode: "exclusive_agency", region: region);
        var rivalVersion = await platform.DraftAsync(rival, AgreementPlatform.Terms(mode: "exclusive_agency", exclusiveRegion: region));
        var rivalVersionId = rivalVersion["id"]!.GetValue<string>();
        await platform.SignAsync(rival, rivalVersionId, "brand", "agreement");
        await platform.SignAsync(rival, rivalVersionId, "partner", "agreement");
        await platform.SignAsync(rival, rivalVersionId, "brand", "confidentiality_supplement");
        var eventsBefore = await platform.WithDbAsync(db => db.Visible<Core.Events.PartnerEvent>().CountAsync(e => e.PartnerId == rival));

        var last = await platform.SignAsync(rival, rivalVersionId, "partner", "confidentiality_supplement");

        await last.ReadProblemAsync(HttpStatusCode.Conflict, "exclusive_agent_exists");
        var admin = await platform.AdminClientAsync();
        var version = await (await admin.GetAsync($"/admin/v1/partners/{rival}/agreements/{rivalVersionId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("draft", version["status"]!.GetValue<string>());
        Assert.Equal(3, version["signatures"]!.AsArray().Count);
        Assert.Equal("onboarding", (await platform.PartnerAsync(rival))["status"]!.GetValue<string>());
        Assert.Equal(eventsBefore, await platform.WithDbAsync(db => db.Visible<Core.Events.PartnerEvent>().CountAsync(e => e.PartnerId == rival)));
    }

    [Fact]
    public async Task APartnerRegisteredWithItsNumbers_HasThemAsASignedRecordedVersionOne()
    {
        var body = PlatformFactory.PartnerBody(qualified: true);
        body["agreement"] = new { discountRate = 0.25m, annualTarget = 3_000_000m };
        var partnerId = await platform.CreatePartnerAsync(body);
        var admin = await platform.AdminClientAsync();

        var list = (await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/agreements")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        var only = Assert.Single(list);
        Assert.Equal("signed", only!["status"]!.GetValue<string>());
        Assert.Equal("recorded", only["origin"]!.GetValue<string>());
        Assert.Equal(3_000_000m, only["terms"]!["annualTarget"]!.GetValue<decimal>());
        Assert.Equal(only["id"]!.GetValue<string>(), (await platform.PartnerAsync(partnerId))["agreement"]!["versionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOnboardingPartner_IsNotActivatedNorGivenNumbersByEditingTheRecord()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var admin = await platform.AdminClientAsync();

        var activate = await admin.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { status = "active" });
        var numbers = await admin.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { agreement = new { annualTarget = 1_000_000m } });

        await activate.ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await numbers.ReadProblemAsync(HttpStatusCode.BadRequest);
        var partner = await platform.PartnerAsync(partnerId);
        Assert.Equal("onboarding", partner["status"]!.GetValue<string>());
        Assert.Null(partner["agreement"]!["annualTarget"]);
    }

    [Fact]
    public async Task AnOnboardingPartner_CannotBeRegisteredWithNumbers()
    {
        var body = PlatformFactory.PartnerBody();
        body["status"] = "onboarding";
        body["agreement"] = new { annualTarget = 3_000_000m };
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/admin/v1/partners", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["agreement"]);
    }
}
