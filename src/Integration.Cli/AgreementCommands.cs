using System.CommandLine;

namespace Integration.Cli;

internal static class AgreementCommands
{
    private static readonly string[] Columns = ["id", "number", "status", "origin", "terms.tier", "terms.effectiveFrom", "terms.effectiveTo", "createdBy", "signedAt"];

    public static Command Create(CliRunner runner)
    {
        var agreements = new Command("agreements", "A partner's agreement versions, their differences and signatures.");

        var listPartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var list = new Command("list", "List the partner's agreement versions.") { listPartner };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging, $"/admin/v1/partners/{Query.Segment(parse.GetValue(listPartner))}/agreements", Columns, ct));

        var showPartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var showId = new Argument<string>("version-id");
        var show = new Command("show", "Show one agreement version with its terms, documents and signatures.") { showId, showPartner };
        show.SetAction((parse, ct) => runner.GetAsync(parse,
            $"/admin/v1/partners/{Query.Segment(parse.GetValue(showPartner))}/agreements/{Query.Segment(parse.GetValue(showId))}", ct));

        var diffPartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var from = new Option<string>("--from") { Required = true, Description = "The earlier version's id." };
        var to = new Option<string>("--to") { Required = true, Description = "The later version's id." };
        var diff = new Command("diff", "What changed between two versions.") { diffPartner, from, to };
        diff.SetAction((parse, ct) => runner.GetAsync(parse, Query.Path(
            $"/admin/v1/partners/{Query.Segment(parse.GetValue(diffPartner))}/agreements/diff", ("from", parse.GetValue(from)), ("to", parse.GetValue(to))), ct));

        agreements.Subcommands.Add(list);
        agreements.Subcommands.Add(show);
        agreements.Subcommands.Add(diff);
        agreements.Subcommands.Add(Sign(runner, "sign", "brand", "The brand signs a document of the latest draft (legal role)."));
        agreements.Subcommands.Add(Sign(runner, "record-partner-signature", "partner",
            "Record the partner's signature of a document of the latest draft, as its signer signed it."));
        return agreements;
    }

    private static Command Sign(CliRunner runner, string name, string side, string description)
    {
        var partner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var versionId = new Argument<string>("version-id");
        var document = new Option<string>("--document") { Required = true, Description = "agreement | confidentiality_supplement" };
        var signer = new Option<string>("--signer-name") { Required = true, Description = "Who signs." };
        var role = new Option<string>("--signer-role") { Required = true, Description = "The signer's role, e.g. \"Legal counsel\"." };
        var method = new Option<string>("--method") { Required = true, Description = "electronic | scanned_paper" };
        var sha256 = new Option<string?>("--document-sha256") { Description = "SHA-256 of what was signed (required for scanned paper)." };
        var command = new Command(name, description) { versionId, partner, document, signer, role, method, sha256 };
        command.SetAction((parse, ct) => runner.PostAsync(parse,
            $"/admin/v1/partners/{Query.Segment(parse.GetValue(partner))}/agreements/{Query.Segment(parse.GetValue(versionId))}/signatures/{side}", new
            {
                document = parse.GetValue(document),
                signerName = parse.GetValue(signer),
                signerRole = parse.GetValue(role),
                method = parse.GetValue(method),
                documentSha256 = parse.GetValue(sha256),
            }, ct));
        return command;
    }
}
