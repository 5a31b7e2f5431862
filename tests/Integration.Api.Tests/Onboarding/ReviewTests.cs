using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Application.Onboarding;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Onboarding;

/// <summary>Issue 22 part 3: the checklist per criterion, request information, reject, approve for negotiation; and what agreements call next.</summary>
public sealed class ReviewTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Review_prefills_asks_for_more_then_approves_once_every_required_criterion_is_met()
    {
        var applicant = await platform.CreateApplicationAsync(OnboardingSteps.ApplicationBody(foundedOn: "2015-03-01", retail: false));
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: Today(400))).ReadJsonAsync(HttpStatusCode.Created);
        var path = $"/admin/v1/applications/{applicant.ApplicationId}";

        var inReview = await platform.AdminPostAsync($"{path}/start-review", null);

        Assert.Equal("in_review", inReview["status"]!.GetValue<string>());
        Assert.Equal("met", Verdict(inReview, "licence_valid"));
        Assert.Equal("met", Verdict(inReview, "years_in_business"));
        Assert.Equal("not_met", Verdict(inReview, "iso_certificate"));
        Assert.Equal("not_applicable", Verdict(inReview, "retail_warehouse"));
        Assert.Equal("pending", Verdict(inReview, "region_coverage"));
        var refused = await platform.AdminPostAsync($"{path}/approve", null, HttpStatusCode.Conflict);
        Assert.Equal("qualification_criteria_not_met", refused["code"]!.GetValue<string>());
        Assert.Contains("region_coverage", refused["detail"]!.GetValue<string>());

        var asked = await platform.AdminPostAsync($"{path}/request-information", new { missing = "List your outlets in CN-JS, and your ISO 9001 certificate if you hold one." });
        Assert.Equal("needs_information", asked["status"]!.GetValue<string>());
        var mine = await (await applicant.Client.GetAsync("/v2/application")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains("outlets in CN-JS", mine["informationRequested"]!.GetValue<string>());
        await (await applicant.Client.UploadAsync("iso_certificate", OnboardingSteps.Png, "iso-9001.png", "image/png")).ReadJsonAsync(HttpStatusCode.Created);
        var resubmitted = await (await applicant.Client.PostAsJsonAsync("/v2/application/resubmit", new { response = "Two outlets in Nanjing and Suzhou; ISO 9001 attached.", outlets = 6 })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("in_review", resubmitted["status"]!.GetValue<string>());
        Assert.Equal("met", Verdict(resubmitted, "iso_certificate"));
        Assert.Equal(6, resubmitted["outlets"]!.GetValue<int>());

        var admin = await platform.AdminClientAsync();
        var judged = await (await admin.PutAsJsonAsync($"{path}/checklist/region_coverage", new { verdict = "met", note = "Outlets in Shanghai, Nanjing and Suzhou." })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("met", Verdict(judged, "region_coverage"));
        Assert.Equal(platform.AdminClientId, judged["checklist"]!.AsArray().Single(i => i!["criterion"]!.GetValue<string>() == "region_coverage")!["decidedBy"]!.GetValue<string>());

        var approved = await platform.AdminPostAsync($"{path}/approve", null);

        Assert.Equal("approved_for_negotiation", approved["status"]!.GetValue<string>());
        var statuses = (await (await applicant.Client.GetAsync("/v2/events?types=application.status_changed")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray()
            .Select(e => e!["data"]!["status"]!.GetValue<string>());
        Assert.Equal(new[] { "submitted", "in_review", "needs_information", "in_review", "approved_for_negotiation" }, statuses);
        Assert.Single(platform.MailTo(((JsonArray)mine["contacts"]!)[0]!["email"]!.GetValue<string>()), m => m.Contains("More information needed"));
    }

    [Fact]
    public async Task A_licence_expiring_within_90_days_is_not_met_and_blocks_approval()
    {
        var applicant = await platform.CreateApplicationAsync();
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: Today(60))).ReadJsonAsync(HttpStatusCode.Created);
        var path = $"/admin/v1/applications/{applicant.ApplicationId}";
        var inReview = await platform.AdminPostAsync($"{path}/start-review", null);
        var admin = await platform.AdminClientAsync();
        await (await admin.PutAsJsonAsync($"{path}/checklist/region_coverage", new { verdict = "met" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("not_met", Verdict(inReview, "licence_valid"));
        var refused = await platform.AdminPostAsync($"{path}/approve", null, HttpStatusCode.Conflict);
        Assert.Contains("licence_valid", refused["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retail_applicant_with_a_small_warehouse_and_a_young_company_are_not_met()
    {
        var young = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).AddYears(-2).ToString("yyyy-MM-dd");
        var applicant = await platform.CreateApplicationAsync(OnboardingSteps.ApplicationBody(retail: true, warehouse: 300, foundedOn: young));

        var inReview = await platform.AdminPostAsync($"/admin/v1/applications/{applicant.ApplicationId}/start-review", null);

        Assert.Equal("not_met", Verdict(inReview, "retail_warehouse"));
        Assert.Equal("not_met", Verdict(inReview, "years_in_business"));
        Assert.Equal("pending", Verdict(inReview, "licence_valid"));
    }

    [Fact]
    public async Task Reject_records_the_reason_ends_the_partner_and_a_rejected_application_cannot_be_approved()
    {
        var applicant = await platform.CreateApplicationAsync();
        var path = $"/admin/v1/applications/{applicant.ApplicationId}";
        await platform.AdminPostAsync($"{path}/start-review", null);

        var rejected = await platform.AdminPostAsync($"{path}/reject", new { reason = "The regions applied for are held by an exclusive agent." });

        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        var problem = await platform.AdminPostAsync($"{path}/approve", null, HttpStatusCode.Conflict);
        Assert.Equal("invalid_transition", problem["code"]!.GetValue<string>());
        await platform.AdminPostAsync($"{path}/request-information", new { missing = "x" }, HttpStatusCode.Conflict);
        var admin = await platform.AdminClientAsync();
        Assert.Equal("terminated", (await (await admin.GetAsync($"/admin/v1/partners/{applicant.PartnerId}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal("rejected", (await (await admin.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(applicant.ClientId, applicant.Secret)).StatusCode); // its sandbox credential is revoked
    }

    [Fact]
    public async Task Actions_the_state_does_not_allow_are_409()
    {
        var applicant = await platform.CreateApplicationAsync();
        var path = $"/admin/v1/applications/{applicant.ApplicationId}";
        var admin = await platform.AdminClientAsync();

        await (await admin.PutAsJsonAsync($"{path}/checklist/region_coverage", new { verdict = "met" })).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await platform.AdminPostAsync($"{path}/approve", null, HttpStatusCode.Conflict);
        await (await applicant.Client.PostAsJsonAsync("/v2/application/resubmit", new { response = "Nothing was asked." })).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await platform.AdminPostAsync($"{path}/start-review", null);
        await platform.AdminPostAsync($"{path}/start-review", null, HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"{path}/checklist/years_in_business", new { verdict = "not_applicable" })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Agreements_may_start_only_after_approval_and_the_later_moves_are_events()
    {
        var applicant = await platform.CreateApplicationAsync(OnboardingSteps.ApplicationBody(foundedOn: "2010-01-01"));
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: Today(1000))).ReadJsonAsync(HttpStatusCode.Created);
        await using var scope = platform.Services.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<ApplicationProgress>();

        var early = await Assert.ThrowsAsync<Core.Common.DomainException>(() => progress.EnsureMayNegotiateAsync(applicant.PartnerId, CancellationToken.None));
        Assert.Equal("application_not_approved", early.Code);

        var path = $"/admin/v1/applications/{applicant.ApplicationId}";
        await platform.AdminPostAsync($"{path}/start-review", null);
        var admin = await platform.AdminClientAsync();
        await (await admin.PutAsJsonAsync($"{path}/checklist/region_coverage", new { verdict = "met" })).ReadJsonAsync(HttpStatusCode.OK);
        await platform.AdminPostAsync($"{path}/approve", null);
        await progress.EnsureMayNegotiateAsync(applicant.PartnerId, CancellationToken.None);
        await progress.MarkNegotiatingAsync(applicant.PartnerId, "legal-console", CancellationToken.None);
        await progress.MarkNegotiatingAsync(applicant.PartnerId, "legal-console", CancellationToken.None); // a second agreement version
        await progress.MarkSignedAsync(applicant.PartnerId, "legal-console", CancellationToken.None);
        var active = await progress.MarkActiveAsync(applicant.PartnerId, "legal-console", CancellationToken.None);

        Assert.Equal(Core.Onboarding.ApplicationStatus.Active, active!.Status);
        var statuses = (await (await applicant.Client.GetAsync("/v2/events?types=application.status_changed")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray()
            .Select(e => e!["data"]!["status"]!.GetValue<string>()).TakeLast(3);
        Assert.Equal(new[] { "negotiating", "signed", "active" }, statuses);
        Assert.Null(await progress.MarkActiveAsync((await platform.NewPartnerSessionAsync()).PartnerId, "legal-console", CancellationToken.None));
    }

    private string Today(int plusDays) => DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).AddDays(plusDays).ToString("yyyy-MM-dd");

    private static string Verdict(JsonNode application, string criterion) =>
        application["checklist"]!.AsArray().Single(i => i!["criterion"]!.GetValue<string>() == criterion)!["verdict"]!.GetValue<string>();
}
