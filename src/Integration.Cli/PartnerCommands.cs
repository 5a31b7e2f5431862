using System.CommandLine;

namespace Integration.Cli;

internal static class PartnerCommands
{
    public static Command Create(Func<ParseResult, Func<AdminApiClient, CancellationToken, Task<ApiAnswer>>, CancellationToken, Task<int>> run)
    {
        var partners = new Command("partners", "Register and read partners.");

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
        create.SetAction((parse, ct) => run(parse, (api, token) => api.SendAsync(HttpMethod.Post, "/admin/v1/partners", new
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
        }, token), ct));

        var list = new Command("list", "List partners (first page).");
        list.SetAction((parse, ct) => run(parse, (api, token) => api.SendAsync(HttpMethod.Get, "/admin/v1/partners?limit=100", null, token), ct));

        var id = new Argument<string>("partner-id");
        var get = new Command("get", "Show one partner.") { id };
        get.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Get, $"/admin/v1/partners/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, token), ct));

        partners.Subcommands.Add(create);
        partners.Subcommands.Add(list);
        partners.Subcommands.Add(get);
        return partners;
    }
}
