using System.CommandLine;

namespace Integration.Cli;

internal static class CredentialCommands
{
    private static readonly string[] Columns = ["id", "clientId", "environment", "name", "scopes", "status", "createdAt", "rotatedAt", "revokedAt"];

    public static Command Create(CliRunner runner)
    {
        var credentials = new Command("credentials", "Issue, list, rotate and revoke partners' OAuth credentials; live ones with four-eyes.");

        var partner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var environment = new Option<string>("--environment") { Required = true, Description = "live | sandbox" };
        var scopes = new Option<string>("--scopes") { Required = true, Description = "Space-separated scopes, e.g. \"orders:read orders:write\"." };
        var name = new Option<string?>("--name") { Description = "A label, e.g. \"ERP connector\"." };
        var issue = new Command("issue", "Issue a sandbox credential; the secret is printed once. Live credentials: request-live, then a second person approves.") { partner, environment, scopes, name };
        issue.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/partners/{Query.Segment(parse.GetValue(partner))}/credentials", new
        {
            environment = parse.GetValue(environment),
            scopes = Split(parse.GetValue(scopes)),
            name = parse.GetValue(name),
        }, ct));

        var listPartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var list = new Command("list", "List a partner's credentials (never their secrets).") { listPartner };
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging, $"/admin/v1/partners/{Query.Segment(parse.GetValue(listPartner))}/credentials", Columns, ct));

        var showId = new Argument<string>("credential-id");
        var show = new Command("show", "Show one credential (no secret).") { showId };
        show.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/credentials/{Query.Segment(parse.GetValue(showId))}", ct));

        var rotateId = new Argument<string>("credential-id");
        var overlap = new Option<int?>("--overlap-minutes") { Description = "How long the old secret keeps working (default 1440)." };
        var rotate = new Command("rotate", "Replace the secret; the new one is printed once.") { rotateId, overlap };
        rotate.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/credentials/{Query.Segment(parse.GetValue(rotateId))}/rotate",
            new { overlapMinutes = parse.GetValue(overlap) }, ct));

        var revokeId = new Argument<string>("credential-id");
        var revoke = new Command("revoke", "Revoke a credential and its tokens.") { revokeId };
        revoke.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/credentials/{Query.Segment(parse.GetValue(revokeId))}/revoke", null, ct));

        var livePartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var liveScopes = new Option<string>("--scopes") { Required = true, Description = "Space-separated scopes, e.g. \"orders:read orders:write\"." };
        var reason = new Option<string>("--reason") { Required = true, Description = "Why the partner needs it now, for the approver." };
        var liveName = new Option<string?>("--name") { Description = "A label, e.g. \"ERP connector\"." };
        var requestLive = new Command("request-live", "Ask for a live credential; a different person approves it (four-eyes).") { livePartner, liveScopes, reason, liveName };
        requestLive.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/partners/{Query.Segment(parse.GetValue(livePartner))}/live-credential-requests", new
        {
            scopes = Split(parse.GetValue(liveScopes)),
            reason = parse.GetValue(reason),
            name = parse.GetValue(liveName),
        }, ct));

        var requestId = new Argument<string>("request-id");
        var showRequest = new Command("show-request", "Show a live credential request and what became of it.") { requestId };
        showRequest.SetAction((parse, ct) => runner.GetAsync(parse, $"/admin/v1/live-credential-requests/{Query.Segment(parse.GetValue(requestId))}", ct));

        var approveId = new Argument<string>("request-id");
        var approve = new Command("approve", "Approve someone else's live credential request; the secret is printed once.") { approveId };
        approve.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/live-credential-requests/{Query.Segment(parse.GetValue(approveId))}/approve", null, ct));

        var rejectId = new Argument<string>("request-id");
        var note = new Option<string>("--note") { Required = true, Description = "Why, for the requester." };
        var reject = new Command("reject", "Reject a live credential request.") { rejectId, note };
        reject.SetAction((parse, ct) => runner.PostAsync(parse, $"/admin/v1/live-credential-requests/{Query.Segment(parse.GetValue(rejectId))}/reject",
            new { note = parse.GetValue(note) }, ct));

        credentials.Subcommands.Add(issue);
        credentials.Subcommands.Add(list);
        credentials.Subcommands.Add(show);
        credentials.Subcommands.Add(rotate);
        credentials.Subcommands.Add(revoke);
        credentials.Subcommands.Add(requestLive);
        credentials.Subcommands.Add(showRequest);
        credentials.Subcommands.Add(approve);
        credentials.Subcommands.Add(reject);
        return credentials;
    }

    private static string[] Split(string? scopes) => (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
