using System.CommandLine;

namespace Integration.Cli;

internal static class ApplicationCommands
{
    private static readonly string[] Columns = ["id", "status", "companyName", "cooperationMode", "regions", "partnerId", "submittedAt", "updatedAt"];

    public static Command Create(CliRunner runner)
    {
        var applications = new Command("applications", "Partner applications: the review queue, the checklist, the decision.");

        var status = new Option<string?>("--status")
        {
            Description = "Only this status: draft | submitted | in_review | needs_information | approved_for_negotiation | negotiating | signed | active | rejected | withdrawn.",
        };
        var list = new Command("list", "List applications.") { status };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging, Query.Path("/admin/v1/applications", ("status", parse.GetValue(status))), Columns, ct));

        var queue = new Command("queue", "The applications waiting for a reviewer (status submitted).");
        var queuePaging = new PagingOptions(queue);
        queue.SetAction((parse, ct) => runner.ListAsync(parse, queuePaging, "/admin/v1/applications?status=submitted", Columns, ct));

        var showId = new Argument<string>("application-id");
        var show = new Command("show", "Show one application with its checklist.") { showId };
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/applications/{Query.Segment(parse.GetValue(showId))}", ct));

        var documentsId = new Argument<string>("application-id");
        var documents = new Command("documents", "List the application's qualification documents (without their content).") { documentsId };
        documents.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/applications/{Query.Segment(parse.GetValue(documentsId))}/documents", ct));

        var startId = new Argument<string>("application-id");
        var startReview = new Command("start-review", "Take a submitted application into review.") { startId };
        startReview.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/applications/{Query.Segment(parse.GetValue(startId))}/start-review", null, ct));

        var verdictId = new Argument<string>("application-id");
        var criterion = new Argument<string>("criterion") { Description = "licence_valid | years_in_business | iso_certificate | retail_warehouse | region_coverage" };
        var verdict = new Option<string>("--verdict") { Required = true, Description = "met | not_met | not_applicable" };
        var verdictNote = new Option<string?>("--note") { Description = "What the reviewer saw." };
        var judge = new Command("verdict", "Record the reviewer's verdict on one checklist criterion.") { verdictId, criterion, verdict, verdictNote };
        judge.SetAction((parse, ct) => runner.SendAsync(parse, HttpMethod.Put,
            $"/admin/v1/applications/{Query.Segment(parse.GetValue(verdictId))}/checklist/{Query.Segment(parse.GetValue(criterion))}",
            new { verdict = parse.GetValue(verdict), note = parse.GetValue(verdictNote) }, ct));

        var infoId = new Argument<string>("application-id");
        var missing = new Option<string>("--missing") { Required = true, Description = "What the applicant must add (e-mailed to the main contact)." };
        var requestInformation = new Command("request-information", "Send the application back to the applicant with what is missing.") { infoId, missing };
        requestInformation.SetAction((parse, ct) => runner.PostAsync(parse,
            $"/admin/v1/applications/{Query.Segment(parse.GetValue(infoId))}/request-information", new { missing = parse.GetValue(missing) }, ct));

        var approveId = new Argument<string>("application-id");
        var approve = new Command("approve", "Approve for negotiation; refused while a required criterion is not met or not judged.") { approveId };
        approve.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/applications/{Query.Segment(parse.GetValue(approveId))}/approve", null, ct));

        var rejectId = new Argument<string>("application-id");
        var reason = new Option<string>("--reason") { Required = true, Description = "Why, for the applicant." };
        var reject = new Command("reject", "Reject the application; the applicant's partner record and sandbox access end.") { rejectId, reason };
        reject.SetAction((parse, ct) => runner.PostAsync(parse,
            $"/admin/v1/applications/{Query.Segment(parse.GetValue(rejectId))}/reject", new { reason = parse.GetValue(reason) }, ct));

        applications.Subcommands.Add(list);
        applications.Subcommands.Add(queue);
        applications.Subcommands.Add(show);
        applications.Subcommands.Add(documents);
        applications.Subcommands.Add(startReview);
        applications.Subcommands.Add(judge);
        applications.Subcommands.Add(requestInformation);
        applications.Subcommands.Add(approve);
        applications.Subcommands.Add(reject);
        return applications;
    }
}
