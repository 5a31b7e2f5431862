using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Agreements;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Onboarding;
using Integration.Api.Tests.Settlement;
using Integration.Application.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Reminders;

/// <summary>Issue 22 part 6: the internal reminders queue and the partner events, with the clock moved and the job run as often as it likes.</summary>
public sealed class ReminderTests
{
    private static async Task RunJobTwiceAsync(PlatformFactory platform)
    {
        var job = platform.Services.GetRequiredService<ReminderJob>();
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
    }

    private static async Task<JsonArray> RemindersAsync(PlatformFactory platform, string query)
    {
        var admin = await platform.AdminClientAsync();
        return (await (await admin.GetAsync("/admin/v1/reminders?" + query)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
    }

    private static List<string> Kinds(JsonArray reminders) => [.. reminders.Select(r => r!["kind"]!.GetValue<string>()).Order()];

    private static async Task<JsonArray> PartnerEventsAsync(SettlementPartner partner, string types) =>
        (await (await (await partner.ClientAsync()).GetAsync("/v2/events?types=" + types)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

    /// <summary>A rating-B partner owing money on its April statement, due 30 May.</summary>
    private static async Task<(SettlementPartner Partner, string StatementId)> AmountDueOnMay30Async(SettlementPlatform platform)
    {
        var p = await platform.NewPartnerAsync(rating: "B");
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 1);
        platform.MoveTo(At(2026, 5, 1, 8));
        await platform.CloseAsync("2026-04", p.Id);
        var statement = await p.StatementAsync("2026-04");
        Assert.Equal("2026-05-30", statement["dueDate"]!.GetValue<string>());
        return (p, statement["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_amount_due_is_reminded_once_a_week_before_and_once_when_overdue_with_a_rating_review_and_partner_events()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statementId) = await AmountDueOnMay30Async(platform);

        await RunJobTwiceAsync(platform);
        Assert.Empty(await RemindersAsync(platform, $"partnerId={p.Id}"));

        platform.MoveTo(At(2026, 5, 24));
        await RunJobTwiceAsync(platform);
        var dueSoon = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}"));
        Assert.Equal("amount_due_soon", dueSoon!["kind"]!.GetValue<string>());
        Assert.Equal(statementId, dueSoon["subjectId"]!.GetValue<string>());
        Assert.Equal("open", dueSoon["state"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero), dueSoon["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.StartsWith("rem_", dueSoon["id"]!.GetValue<string>());
        var soonEvent = Assert.Single(await PartnerEventsAsync(p, "settlement.amount_due_soon"));
        Assert.Equal(statementId, soonEvent!["data"]!["subjectId"]!.GetValue<string>());

        platform.MoveTo(At(2026, 5, 31));
        await RunJobTwiceAsync(platform);
        await RunJobTwiceAsync(platform);
        Assert.Equal(["amount_due_soon", "amount_overdue", "rating_review_suggested"], Kinds(await RemindersAsync(platform, $"partnerId={p.Id}")));
        var review = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}&kind=rating_review_suggested"));
        Assert.Equal(p.Id, review!["subjectId"]!.GetValue<string>());
        Assert.Equal("partner", review["subject"]!.GetValue<string>());
        Assert.Single(await PartnerEventsAsync(p, "settlement.amount_overdue"));
        Assert.Single(await PartnerEventsAsync(p, "settlement.amount_due_soon"));
    }

    [Fact]
    public async Task A_paid_amount_is_not_reminded()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, statementId) = await AmountDueOnMay30Async(platform);
        var statement = await p.StatementAsync(statementId);
        var admin = await platform.AdminClientAsync();
        var amountDue = decimal.Parse(statement.Amount("amountDue"), System.Globalization.CultureInfo.InvariantCulture);
        await (await admin.PostAsJsonAsync($"/admin/v1/settlements/{statementId}/record-payment", new { amount = amountDue })).ReadJsonAsync(HttpStatusCode.OK);

        platform.MoveTo(At(2026, 6, 2));
        await RunJobTwiceAsync(platform);
        Assert.Empty(await RemindersAsync(platform, $"partnerId={p.Id}"));
    }

    [Fact]
    public async Task A_reminder_marked_done_stays_done_however_often_the_job_runs()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, _) = await AmountDueOnMay30Async(platform);
        platform.MoveTo(At(2026, 6, 1));
        await RunJobTwiceAsync(platform);
        var overdue = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}&kind=amount_overdue"));
        var id = overdue!["id"]!.GetValue<string>();

        var admin = await platform.AdminClientAsync();
        var done = await (await admin.PostAsync($"/admin/v1/reminders/{id}/done", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("done", done["state"]!.GetValue<string>());
        Assert.Equal(platform.AdminClientId, done["doneBy"]!.GetValue<string>());
        var again = await (await admin.PostAsync($"/admin/v1/reminders/{id}/done", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(done["doneAt"]!.GetValue<DateTimeOffset>(), again["doneAt"]!.GetValue<DateTimeOffset>());

        platform.MoveTo(At(2026, 6, 15));
        await RunJobTwiceAsync(platform);
        var stillDone = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}&kind=amount_overdue"));
        Assert.Equal("done", stillDone!["state"]!.GetValue<string>());
        // Already overdue when the job first saw it: no "due soon" reminder afterwards.
        Assert.Equal(["rating_review_suggested"], Kinds(await RemindersAsync(platform, $"partnerId={p.Id}&state=open")));
        Assert.Empty(await RemindersAsync(platform, $"partnerId={p.Id}&state=open&dueBefore=2026-05-30T00:00:00Z"));
    }

    [Fact]
    public async Task A_level_1_dispute_is_reminded_once_12_hours_before_its_deadline_and_once_when_breached()
    {
        await using var platform = await StartAsync(At(2026, 6, 1));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        var order = await p.DeliverOrderAsync(sku, 1);
        var dispute = await (await (await p.ClientAsync()).PostAsJsonAsync("/v2/disputes", new { orderId = order, amount = "10.00", reason = "Short shipped" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var disputeId = dispute["id"]!.GetValue<string>();

        await RunJobTwiceAsync(platform);
        Assert.Empty(await RemindersAsync(platform, $"partnerId={p.Id}"));

        platform.Clock.Advance(TimeSpan.FromHours(37)); // 11 hours left
        await RunJobTwiceAsync(platform);
        var atRisk = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}"));
        Assert.Equal("dispute_sla_at_risk", atRisk!["kind"]!.GetValue<string>());
        Assert.Equal(disputeId, atRisk["subjectId"]!.GetValue<string>());
        Assert.Equal(dispute["slaDeadline"]!.GetValue<DateTimeOffset>(), atRisk["dueAt"]!.GetValue<DateTimeOffset>());

        platform.Clock.Advance(TimeSpan.FromHours(12));
        await RunJobTwiceAsync(platform);
        Assert.Equal(["dispute_sla_at_risk", "dispute_sla_breached"], Kinds(await RemindersAsync(platform, $"partnerId={p.Id}")));
        // Internal SLAs are not the partner's business.
        Assert.Empty(await PartnerEventsAsync(p, "settlement.amount_due_soon"));
        Assert.Empty(await PartnerEventsAsync(p, "settlement.amount_overdue"));
    }

    [Fact]
    public async Task An_exit_buffer_is_reminded_once_30_days_before_it_ends_and_the_partner_hears_of_it()
    {
        await using var platform = await StartAsync(At(2026, 3, 1));
        var p = await platform.NewPartnerAsync();
        var admin = await platform.AdminClientAsync();
        await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{p.Id}", new { status = "exiting", exitDate = "2026-03-31" })).ReadJsonAsync(HttpStatusCode.OK);

        platform.MoveTo(At(2026, 5, 30));
        await RunJobTwiceAsync(platform);
        Assert.Empty(await RemindersAsync(platform, $"partnerId={p.Id}"));

        platform.MoveTo(At(2026, 6, 1));
        await RunJobTwiceAsync(platform);
        platform.MoveTo(At(2026, 6, 20));
        await RunJobTwiceAsync(platform);
        var ending = Assert.Single(await RemindersAsync(platform, $"partnerId={p.Id}"));
        Assert.Equal("exit_buffer_ending", ending!["kind"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), ending["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("live", ending["environment"]!.GetValue<string>());
        Assert.Single(await PartnerEventsAsync(p, "partner.exit_buffer_ending"));
    }

    [Fact]
    public async Task A_signed_agreement_is_reminded_90_and_30_days_before_it_ends_and_the_partner_hears_of_both()
    {
        await using var platform = await StartAsync(At(2026, 1, 1));
        var partnerId = await platform.OnboardingPartnerAsync();
        var version = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.12m, effectiveFrom: "2026-01-01"));
        (await platform.SignEverythingAsync(partnerId, version["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var credential = await platform.IssueCredentialAsync(partnerId, "live");

        platform.MoveTo(At(2026, 10, 1)); // 91 days before 31 December
        await RunJobTwiceAsync(platform);
        var early = await RemindersAsync(platform, $"partnerId={partnerId}");
        platform.MoveTo(At(2026, 10, 5));
        await RunJobTwiceAsync(platform);
        var firstNotice = await AgreementEventsAsync(platform, credential);
        platform.MoveTo(At(2026, 12, 5));
        await RunJobTwiceAsync(platform);
        await RunJobTwiceAsync(platform);
        var finalNotice = await AgreementEventsAsync(platform, credential);

        Assert.Empty(early);
        var reminders = await RemindersAsync(platform, $"partnerId={partnerId}");
        Assert.Equal(["agreement_expiring", "agreement_expiring_final_notice"], Kinds(reminders));
        Assert.All(reminders, r => Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), r!["dueAt"]!.GetValue<DateTimeOffset>()));
        Assert.Contains("87 days left", Assert.Single(firstNotice)!["data"]!["summary"]!.GetValue<string>());
        // The event log keeps 30 days: by December the October notice has aged out of it.
        Assert.Contains("26 days left", Assert.Single(finalNotice)!["data"]!["summary"]!.GetValue<string>());
    }

    private static async Task<JsonArray> AgreementEventsAsync(PlatformFactory platform, IssuedCredential credential)
    {
        var live = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        return (await (await live.GetAsync("/v2/events?types=agreement.expiring")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
    }

    [Fact]
    public async Task A_qualification_document_is_reminded_once_90_days_before_it_expires()
    {
        await using var platform = await StartAsync(At(2026, 1, 1));
        var applicant = await platform.CreateApplicationAsync();
        var uploaded = await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("licence"), expiresOn: "2026-06-30")).ReadJsonAsync(HttpStatusCode.Created);

        await RunJobTwiceAsync(platform);
        var early = await RemindersAsync(platform, $"partnerId={applicant.PartnerId}");
        platform.MoveTo(At(2026, 4, 2));
        await RunJobTwiceAsync(platform);
        platform.MoveTo(At(2026, 5, 20));
        await RunJobTwiceAsync(platform);

        Assert.Empty(early);
        var reminder = Assert.Single(await RemindersAsync(platform, $"partnerId={applicant.PartnerId}"));
        Assert.Equal("document_expiring", reminder!["kind"]!.GetValue<string>());
        Assert.Equal(uploaded["id"]!.GetValue<string>(), reminder["subjectId"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), reminder["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Two_instances_running_the_job_at_once_queue_each_reminder_once()
    {
        await using var platform = await StartAsync(At(2026, 4, 10));
        var (p, _) = await AmountDueOnMay30Async(platform);
        platform.MoveTo(At(2026, 6, 1));
        await using var second = await platform.SecondInstanceAsync(At(2026, 6, 1));

        var runs = await Task.WhenAll(
            platform.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None),
            second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None));
        await RunJobTwiceAsync(second);

        Assert.Equal(2, runs.Sum(r => r ?? 0));
        Assert.Equal(["amount_overdue", "rating_review_suggested"], Kinds(await RemindersAsync(platform, $"partnerId={p.Id}")));
        Assert.Single(await PartnerEventsAsync(p, "settlement.amount_overdue"));
    }

    [Theory]
    [InlineData("kind=someday", "kind")]
    [InlineData("state=closed", "state")]
    [InlineData("dueBefore=tomorrow", "dueBefore")]
    [InlineData("limit=0", "limit")]
    public async Task A_bad_filter_is_a_problem_naming_it(string query, string field)
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var admin = await platform.AdminClientAsync();
        var problem = await (await admin.GetAsync("/admin/v1/reminders?" + query)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_too_long_partner_id_is_refused_and_an_unknown_reminder_is_404()
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var admin = await platform.AdminClientAsync();
        await (await admin.GetAsync("/admin/v1/reminders?partnerId=" + new string('p', 500))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/admin/v1/reminders/rem_00000000000000000000/done", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
