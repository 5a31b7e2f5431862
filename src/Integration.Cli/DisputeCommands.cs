using System.CommandLine;

namespace Integration.Cli;

internal static class DisputeCommands
{
    private static readonly string[] Columns = ["id", "status", "level", "amount", "orderId", "statementLineId", "assignee", "slaDeadline", "slaBreached", "openedAt"];

    public static Command Create(CliRunner runner)
    {
        var disputes = new Command("disputes", "Every partner's disputes: the board, SLA breaches, resolution.");

        var status = new Option<string?>("--status") { Description = "open | accepted | rejected" };
        var level = new Option<int?>("--level") { Description = "1, 2 or 3." };
        var breached = new Option<bool>("--sla-breached") { Description = "Only level-1 disputes resolved late or still open past their deadline." };
        var list = new Command("list", "List disputes, newest first.") { status, level, breached };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging, Query.Path("/admin/v1/disputes",
            ("status", parse.GetValue(status)),
            ("level", parse.GetValue(level)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("slaBreached", parse.GetValue(breached) ? "true" : null)), Columns, ct));

        var showId = new Argument<string>("dispute-id");
        var show = new Command("show", "Show one dispute with its history.") { showId };
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/disputes/{Query.Segment(parse.GetValue(showId))}", ct));

        var resolveId = new Argument<string>("dispute-id");
        var outcome = new Option<string>("--outcome") { Required = true, Description = "accepted | rejected" };
        var adjustment = new Option<decimal?>("--adjustment") { Description = "For accepted: the adjustment from the partner's side (credit > 0, debit < 0), e.g. 120.50." };
        var note = new Option<string>("--note") { Required = true, Description = "The resolution, for the partner." };
        var resolve = new Command("resolve",
            "Accept (with an adjustment) or reject a dispute. A level-3 resolution is only proposed; a second risk person approves it with approve-resolution.")
            { resolveId, outcome, adjustment, note };
        resolve.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/disputes/{Query.Segment(parse.GetValue(resolveId))}/resolve", new
        {
            outcome = parse.GetValue(outcome),
            adjustment = parse.GetValue(adjustment),
            note = parse.GetValue(note),
        }, ct));

        var proposalId = new Argument<string>("dispute-id");
        var proposal = new Command("proposal", "Show the level-3 resolution waiting for a second risk person's approval.") { proposalId };
        proposal.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/disputes/{Query.Segment(parse.GetValue(proposalId))}/resolution-proposal", ct));

        var approveId = new Argument<string>("dispute-id");
        var approve = new Command("approve-resolution", "Approve someone else's proposed level-3 resolution; the dispute is resolved as proposed.") { approveId };
        approve.SetAction((parse, ct) => runner.PostAsync(parse,
            $"/admin/v1/disputes/{Query.Segment(parse.GetValue(approveId))}/resolution-proposal/approve", null, ct));

        disputes.Subcommands.Add(list);
        disputes.Subcommands.Add(show);
        disputes.Subcommands.Add(resolve);
        disputes.Subcommands.Add(proposal);
        disputes.Subcommands.Add(approve);
        return disputes;
    }
}
