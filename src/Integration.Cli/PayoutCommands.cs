using System.CommandLine;

namespace Integration.Cli;

internal static class PayoutCommands
{
    private static readonly string[] Columns = ["id", "partnerId", "environment", "statementId", "amount", "status", "attempts", "lastError", "nextAttemptAt"];

    public static Command Create(CliRunner runner)
    {
        var payouts = new Command("payouts", "Payouts to partners and the ones needing attention.");

        var status = new Option<string?>("--status") { Description = "held | pending | paid | needs_attention" };
        var statement = new Option<string?>("--statement") { Description = "Only this statement's payouts." };
        var list = new Command("list", "List payouts, newest first.") { status, statement };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging,
            Query.Path("/admin/v1/payouts", ("status", parse.GetValue(status)), ("statementId", parse.GetValue(statement))), Columns, ct));

        var attention = new Command("attention", "The payouts whose attempts all failed (status needs_attention).");
        var attentionPaging = new PagingOptions(attention);
        attention.SetAction((parse, ct) => runner.ListAsync(parse, attentionPaging, "/admin/v1/payouts?status=needs_attention", Columns, ct));

        var retryId = new Argument<string>("payout-id");
        var retry = new Command("retry", "Send a payout that needs attention again; the gateway is first asked whether it was paid after all.") { retryId };
        retry.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/payouts/{Query.Segment(parse.GetValue(retryId))}/retry", null, ct));

        payouts.Subcommands.Add(list);
        payouts.Subcommands.Add(attention);
        payouts.Subcommands.Add(retry);
        return payouts;
    }
}
