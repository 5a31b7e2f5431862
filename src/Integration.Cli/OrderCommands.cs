using System.CommandLine;

namespace Integration.Cli;

internal static class OrderCommands
{
    private static readonly string[] Columns = ["id", "partnerId", "environment", "reference", "status", "total", "lineCount", "createdAt", "updatedAt"];

    public static Command Create(CliRunner runner)
    {
        var orders = new Command("orders", "Every partner's orders.");

        var partner = new Option<string?>("--partner") { Description = "Only this partner's orders." };
        var environment = new Option<string?>("--environment") { Description = "live | sandbox" };
        var status = new Option<string?>("--status") { Description = "awaiting_payment | pending | confirmed | shipped | delivered | cancelled | returned" };
        var reference = new Option<string?>("--reference") { Description = "The partner's own reference." };
        var createdFrom = new Option<string?>("--created-from") { Description = "Created at or after this instant (ISO 8601, e.g. 2026-03-01T00:00:00+08:00)." };
        var createdTo = new Option<string?>("--created-to") { Description = "Created before this instant." };
        var updatedSince = new Option<string?>("--updated-since") { Description = "Changed at or after this instant." };
        var search = new Command("search", "Search orders, newest first.") { partner, environment, status, reference, createdFrom, createdTo, updatedSince };
        search.Aliases.Add("list");
        var paging = new PagingOptions(search);
        search.SetAction((parse, ct) => runner.ListAsync(parse, paging, Query.Path("/admin/v1/orders",
            ("partnerId", parse.GetValue(partner)),
            ("environment", parse.GetValue(environment)),
            ("status", parse.GetValue(status)),
            ("reference", parse.GetValue(reference)),
            ("createdFrom", parse.GetValue(createdFrom)),
            ("createdTo", parse.GetValue(createdTo)),
            ("updatedSince", parse.GetValue(updatedSince))), Columns, ct));

        var showId = new Argument<string>("order-id");
        var show = new Command("show", "Show one order with its lines.") { showId };
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/orders/{Query.Segment(parse.GetValue(showId))}", ct));

        orders.Subcommands.Add(search);
        orders.Subcommands.Add(show);
        return orders;
    }
}
