using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Agreements;

public sealed class AgreementVersionTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task TwoNegotiationRounds_AreListedAndTheirDiffNamesEachChangedTerm()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var first = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.12m, target: 800_000m));
        var second = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.15m, target: 800_000m, paymentTermDays: 45));
        var admin = await platform.AdminClientAsync();

        var list = (await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/agreements")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var diff = await (await admin.GetAsync(
            $"/admin/v1/partners/{partnerId}/agreements/diff?from={first["id"]}&to={second["id"]}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([1, 2], list.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(["superseded", "draft"], list.Select(v => v!["status"]!.GetValue<string>()));
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => (c!["before"]?.GetValue<string>(), c["after"]?.GetValue<string>()));
        Assert.Equal(2, changes.Count);
        Assert.Equal(("0.12", "0.15"), changes["discountRate"]);
        Assert.Equal(((string?)null, "45"), changes["paymentTermDays"]);
    }

    [Fact]
    public async Task StrategicTerms_RunThreeYears()
    {
        var partnerId = await platform.OnboardingPartnerAsync();

        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "strategic", discount: 0.3m, effectiveFrom: "2027-01-01"));

        Assert.Equal(36, version["terms"]!["termMonths"]!.GetValue<int>());
        Assert.Equal("2029-12-31", version["terms"]!["effectiveTo"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("basic", 0.25)]
    [InlineData("advanced", 0.2)]
    [InlineData("strategic", 0.2)]
    public async Task DiscountOutsideTheTiersRange_Is422AndNothingIsWritten(string tier, double discount)
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements", AgreementPlatform.Terms(tier: tier, discount: (decimal)discount));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_terms");
        Assert.NotNull(problem["errors"]!["discountRate"]);
        Assert.Equal(0, await platform.WithDbAsync(db => db.AgreementVersions.CountAsync(v => v.PartnerId == partnerId)));
    }

    [Fact]
    public async Task ExclusiveAgencyWithoutARegion_Is422()
    {
        var partnerId = await platform.OnboardingPartnerAsync(mode: "exclusive_agency");
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements", AgreementPlatform.Terms(mode: "exclusive_agency"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_terms");
        Assert.NotNull(problem["errors"]!["exclusiveRegion"]);
    }

    [Fact]
    public async Task ADraft_IsEditableUntilSigningStarts()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var draft = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(target: 3_000_000m));
        var admin = await platform.AdminClientAsync();
        var url = $"/admin/v1/partners/{partnerId}/agreements/{draft["id"]}";

        var edited = await (await admin.PutAsJsonAsync(url, AgreementPlatform.Terms(target: 3_500_000m))).ReadJsonAsync(HttpStatusCode.OK);
        (await platform.SignAsync(partnerId, draft["id"]!.GetValue<string>(), "brand", "agreement")).EnsureSuccessStatusCode();
        var afterSigning = await admin.PutAsJsonAsync(url, AgreementPlatform.Terms(target: 4_000_000m));

        Assert.Equal(3_500_000m, edited["terms"]!["annualTarget"]!.GetValue<decimal>());
        await afterSigning.ReadProblemAsync(HttpStatusCode.Conflict, "agreement_signing_started");
    }

    [Fact]
    public async Task ASignedVersion_NeverChanges()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(target: 3_000_000m));
        var versionId = version["id"]!.GetValue<string>();
        (await platform.SignEverythingAsync(partnerId, versionId)).EnsureSuccessStatusCode();
        var admin = await platform.AdminClientAsync();

        var edit = await admin.PutAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements/{versionId}", AgreementPlatform.Terms(target: 1m));
        var signAgain = await platform.SignAsync(partnerId, versionId, "brand", "agreement");
        var read = await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/agreements/{versionId}")).ReadJsonAsync(HttpStatusCode.OK);

        await edit.ReadProblemAsync(HttpStatusCode.Conflict, "agreement_signed");
        await signAgain.ReadProblemAsync(HttpStatusCode.Conflict, "agreement_signed");
        Assert.Equal("signed", read["status"]!.GetValue<string>());
        Assert.Equal(3_000_000m, read["terms"]!["annualTarget"]!.GetValue<decimal>());
        Assert.Equal(4, read["signatures"]!.AsArray().Count);
    }

    [Fact]
    public async Task SigningAnEarlierRound_Is409()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var first = await platform.DraftAsync(partnerId, AgreementPlatform.Terms());
        await platform.DraftAsync(partnerId, AgreementPlatform.Terms(target: 2_500_000m));

        var response = await platform.SignAsync(partnerId, first["id"]!.GetValue<string>(), "brand", "agreement");

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "agreement_not_latest_draft");
    }

    [Fact]
    public async Task TheSameSideSigningTheSameDocumentTwice_Is409AndKeepsOneSignature()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms());
        var versionId = version["id"]!.GetValue<string>();
        (await platform.SignAsync(partnerId, versionId, "partner", "agreement")).EnsureSuccessStatusCode();

        var again = await platform.SignAsync(partnerId, versionId, "partner", "agreement");

        await again.ReadProblemAsync(HttpStatusCode.Conflict, "already_signed");
        var admin = await platform.AdminClientAsync();
        var read = await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/agreements/{versionId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(read["signatures"]!.AsArray());
    }

    [Fact]
    public async Task AnElectronicSignature_HoldsTheHashOfTheCanonicalRendering_AndAnotherHashIsRefused()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms());
        var versionId = version["id"]!.GetValue<string>();
        var admin = await platform.AdminClientAsync();
        var url = $"/admin/v1/partners/{partnerId}/agreements/{versionId}/signatures/brand";

        var wrong = await admin.PostAsJsonAsync(url, new
        {
            document = "agreement", signerName = "Zhang Min", signerRole = "Legal counsel", method = "electronic", documentSha256 = new string('a', 64),
        });
        var signed = await (await platform.SignAsync(partnerId, versionId, "brand", "agreement")).ReadJsonAsync(HttpStatusCode.OK);

        await wrong.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "document_hash_mismatch");
        Assert.Equal(signed["documents"]!["agreementSha256"]!.GetValue<string>(), signed["signatures"]![0]!["documentSha256"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", signed["documents"]!["agreementSha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task AScannedPaperSignature_NeedsTheScansHash()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms());
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements/{version["id"]}/signatures/partner", new
        {
            document = "agreement", signerName = "Chen Hui", signerRole = "General manager", method = "scanned_paper",
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["documentSha256"]);
    }

    [Theory]
    [InlineData("/admin/v1/partners/ptn_00000000000000000000/agreements")]
    [InlineData("/admin/v1/partners/{partner}/agreements/agv_00000000000000000000")]
    public async Task UnknownPartnerOrVersion_Is404(string path)
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var admin = await platform.AdminClientAsync();

        var response = await admin.GetAsync(path.Replace("{partner}", partnerId));

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task AnotherPartnersVersion_Is404()
    {
        var mine = await platform.OnboardingPartnerAsync();
        var theirs = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(theirs, AgreementPlatform.Terms());

        var response = await platform.SignAsync(mine, version["id"]!.GetValue<string>(), "brand", "agreement");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }
}
