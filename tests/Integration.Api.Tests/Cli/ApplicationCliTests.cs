using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Onboarding;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin applications</c>: the review queue, the checklist and the decisions, through the admin API.</summary>
public sealed class ApplicationCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task AReviewer_FindsTheApplicationInTheQueue_ReviewsIt_AndRejectsIt()
    {
        var applicant = await platform.CreateApplicationAsync();

        var queue = await platform.RunCliAsync("applications", "queue", "--all", "-o", "json");
        var started = await platform.RunCliAsync("applications", "start-review", applicant.ApplicationId, "-o", "json");
        var judged = await platform.RunCliAsync("applications", "verdict", applicant.ApplicationId, "region_coverage", "--verdict", "met", "--note", "Outlets in Hangzhou.", "-o", "json");
        var rejected = await platform.RunCliAsync("applications", "reject", applicant.ApplicationId, "--reason", "Region already covered.", "-o", "json");
        var shown = await platform.RunCliAsync("applications", "show", applicant.ApplicationId);
        var listed = await platform.RunCliAsync("applications", "list", "--status", "rejected", "--all", "-o", "json");

        Assert.Contains(applicant.ApplicationId, queue.Ids);
        Assert.Equal("in_review", started.Json!["status"]!.GetValue<string>());
        var criterion = judged.Json!["checklist"]!.AsArray().Single(c => c!["criterion"]!.GetValue<string>() == "region_coverage")!;
        Assert.Equal("met", criterion["verdict"]!.GetValue<string>());
        Assert.Equal(0, rejected.ExitCode);
        Assert.Matches(@"(?m)^status\s+rejected$", shown.Output);
        Assert.Matches(@"(?m)^rejectionReason\s+Region already covered\.$", shown.Output);
        Assert.Contains(applicant.ApplicationId, listed.Ids);
        Assert.DoesNotContain(applicant.ApplicationId, (await platform.RunCliAsync("applications", "queue", "--all", "-o", "json")).Ids);
    }

    [Fact]
    public async Task ApprovingBeforeTheChecklistIsJudged_IsAConflict_WithTheConflictCode()
    {
        var applicant = await platform.CreateApplicationAsync();
        await platform.RunCliAsync("applications", "start-review", applicant.ApplicationId);

        var approve = await platform.RunCliAsync("applications", "approve", applicant.ApplicationId);
        var asked = await platform.RunCliAsync("applications", "request-information", applicant.ApplicationId, "--missing", "Your ISO 9001 certificate.", "-o", "json");

        Assert.Equal(ExitCodes.Conflict, approve.ExitCode);
        Assert.Contains("(qualification_criteria_not_met)", approve.Error);
        Assert.Equal("needs_information", asked.Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Documents_ListsWhatTheApplicantUploaded()
    {
        var applicant = await platform.CreateApplicationAsync();
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: platform.Clock.GetUtcNow().AddDays(500).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ReadJsonAsync(System.Net.HttpStatusCode.Created);

        var documents = await platform.RunCliAsync("applications", "documents", applicant.ApplicationId, "-o", "json");

        Assert.Equal(0, documents.ExitCode);
        Assert.Equal("business_licence", documents.Json!.AsArray().Single()!["kind"]!.GetValue<string>());
    }
}
