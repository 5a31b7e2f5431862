using System.CommandLine;

namespace Integration.Cli;

internal static class PartnerCommands
{
    private static readonly string[] Columns = ["id", "name", "tier", "creditRating", "cooperationMode", "regionCode", "status", "createdAt"];

    public static Command Create(CliRunner runner)
    {
        var partners = new Command("partners", "Register, find, freeze and unfreeze partners.");

        var name = new Option<string>("--name") { Required = true, Description = "Legal or trading name." };
        var tier = new Option<string>("--tier") { Required = true, Description = "basic | advanced | strategic" };
        var rating = new Option<string>("--credit-rating") { Required = true, Description = "A | B | C" };
        var mode = new Option<string>("--mode") { Required = true, Description = "exclusive_agency | regional_distribution | co_branding" };
        var region = new Option<string>("--region") { Required = true, Description = "Region code, e.g. CN-SH." };
        var parent = new Option<string?>("--parent") { Description = "Parent regional distributor's id." };
        var licence = new Option<string?>("--licence") { Description = "Business licence number." };
        var verifiedOn = new Option<string?>("--verified-on") { Description = "Date qualification was verified (YYYY-MM-DD)." };
        var discount = new Option<decimal?>("--discount") { Description = "Agreement discount as a fraction, e.g. 0.15." };
        var target = new Option<decimal?>("--annual-target") { Description = "Agreement annual target in CNY." };
        var create = new Command("create", "Register a partner.") { name, tier, rating, mode, region, parent, licence, verifiedOn, discount, target };
        create.SetAction((parse, ct) => runner.PostAsync(parse, "/admin/v1/partners", new
        {
            name = parse.GetValue(name),
            tier = parse.GetValue(tier),
            creditRating = parse.GetValue(rating),
            cooperationMode = parse.GetValue(mode),
            regionCode = parse.GetValue(region),
            parentPartnerId = parse.GetValue(parent),
            businessLicenceNumber = parse.GetValue(licence),
            qualificationVerifiedOn = parse.GetValue(verifiedOn),
            agreement = new { discountRate = parse.GetValue(discount), annualTarget = parse.GetValue(target) },
        }, ct));

        var status = new Option<string?>("--status") { Description = "Only partners in this status: onboarding | active | frozen | exiting | terminated." };
        var inRegion = new Option<string?>("--region") { Description = "Only partners in this region or below it, e.g. CN-SH." };
        var list = new Command("list", "List partners, oldest first.") { status, inRegion };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging,
            Query.Path("/admin/v1/partners", ("status", parse.GetValue(status)), ("regionCode", parse.GetValue(inRegion))), Columns, ct));

        var showId = new Argument<string>("partner-id");
        var show = new Command("show", "Show one partner.") { showId };
        show.Aliases.Add("get");
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/partners/{Query.Segment(parse.GetValue(showId))}", ct));

        var freezeId = new Argument<string>("partner-id");
        var freeze = new Command("freeze", "Freeze a partner: its orders, stock changes and transfers are refused until unfrozen (risk role).") { freezeId };
        freeze.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/partners/{Query.Segment(parse.GetValue(freezeId))}/freeze", null, ct));

        var unfreezeId = new Argument<string>("partner-id");
        var unfreeze = new Command("unfreeze", "Lift a freeze: the partner is active again (risk role).") { unfreezeId };
        unfreeze.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/partners/{Query.Segment(parse.GetValue(unfreezeId))}/unfreeze", null, ct));

        partners.Subcommands.Add(create);
        partners.Subcommands.Add(list);
        partners.Subcommands.Add(show);
        partners.Subcommands.Add(freeze);
        partners.Subcommands.Add(unfreeze);
        return partners;
    }
}
