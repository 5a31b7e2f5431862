using System.CommandLine;

namespace Integration.Cli;

internal static class SettlementCommands
{
    public static Command Create(CliRunner runner)
    {
        var settlements = new Command("settlements", "Monthly settlement: close a month, read a statement.");

        var period = new Option<string>("--period") { Required = true, Description = "The month to close, YYYY-MM; it must have ended." };
        var environment = new Option<string>("--environment") { Required = true, Description = "live | sandbox" };
        var partner = new Option<string?>("--partner") { Description = "Close for this partner only (the others close on schedule)." };
        var close = new Command("close", "Close a month: statements are computed, frozen and their payouts created.") { period, environment, partner };
        close.SetAction((parse, ct) => runner.PostAsync(parse, "/admin/v1/settlements/close", new
        {
            period = parse.GetValue(period),
            environment = parse.GetValue(environment),
            partnerId = parse.GetValue(partner),
        }, ct));

        var showId = new Argument<string>("statement-id");
        var show = new Command("show", "Show one closed statement with its lines and payouts.") { showId };
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/settlements/{Query.Segment(parse.GetValue(showId))}", ct));

        settlements.Subcommands.Add(close);
        settlements.Subcommands.Add(show);
        return settlements;
    }
}
