using System.CommandLine;

namespace Integration.Cli;

internal static class CredentialCommands
{
    public static Command Create(Func<ParseResult, Func<AdminApiClient, CancellationToken, Task<ApiAnswer>>, CancellationToken, Task<int>> run)
    {
        var credentials = new Command("credentials", "Issue, rotate and revoke OAuth credentials.");

        var partner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var environment = new Option<string>("--environment") { Required = true, Description = "live | sandbox" };
        var scopes = new Option<string>("--scopes") { Required = true, Description = "Space-separated scopes, e.g. \"orders:read orders:write\"." };
        var name = new Option<string?>("--name") { Description = "A label, e.g. \"ERP connector\"." };
        var issue = new Command("issue", "Issue a sandbox credential; the secret is printed once. Live credentials: request-live, then a second person approves.") { partner, environment, scopes, name };
        issue.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/partners/{Uri.EscapeDataString(parse.GetValue(partner)!)}/credentials", new
            {
                environment = parse.GetValue(environment),
                scopes = parse.GetValue(scopes)!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                name = parse.GetValue(name),
            }, token), ct));

        var livePartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var liveScopes = new Option<string>("--scopes") { Required = true, Description = "Space-separated scopes, e.g. \"orders:read orders:write\"." };
        var reason = new Option<string>("--reason") { Required = true, Description = "Why the partner needs it now, for the approver." };
        var liveName = new Option<string?>("--name") { Description = "A label, e.g. \"ERP connector\"." };
        var requestLive = new Command("request-live", "Ask for a live credential; a different person approves it (four-eyes).") { livePartner, liveScopes, reason, liveName };
        requestLive.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/partners/{Uri.EscapeDataString(parse.GetValue(livePartner)!)}/live-credential-requests", new
            {
                scopes = parse.GetValue(liveScopes)!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                reason = parse.GetValue(reason),
                name = parse.GetValue(liveName),
            }, token), ct));

        var requestId = new Argument<string>("request-id");
        var approve = new Command("approve", "Approve someone else's live credential request; the secret is printed once.") { requestId };
        approve.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/live-credential-requests/{Uri.EscapeDataString(parse.GetValue(requestId)!)}/approve", null, token), ct));

        var listPartner = new Option<string>("--partner") { Required = true, Description = "The partner's id." };
        var list = new Command("list", "List a partner's credentials (no secrets).") { listPartner };
        list.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Get, $"/admin/v1/partners/{Uri.EscapeDataString(parse.GetValue(listPartner)!)}/credentials?limit=100", null, token), ct));

        var rotateId = new Argument<string>("credential-id");
        var overlap = new Option<int?>("--overlap-minutes") { Description = "How long the old secret keeps working (default 1440)." };
        var rotate = new Command("rotate", "Replace the secret; the new one is printed once.") { rotateId, overlap };
        rotate.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/credentials/{Uri.EscapeDataString(parse.GetValue(rotateId)!)}/rotate",
                new { overlapMinutes = parse.GetValue(overlap) }, token), ct));

        var revokeId = new Argument<string>("credential-id");
        var revoke = new Command("revoke", "Revoke a credential and its tokens.") { revokeId };
        revoke.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/credentials/{Uri.EscapeDataString(parse.GetValue(revokeId)!)}/revoke", null, token), ct));

        credentials.Subcommands.Add(issue);
        credentials.Subcommands.Add(requestLive);
        credentials.Subcommands.Add(approve);
        credentials.Subcommands.Add(list);
        credentials.Subcommands.Add(rotate);
        credentials.Subcommands.Add(revoke);
        return credentials;
    }
}

internal static class AuditCommands
{
    public static Command Create(Func<ParseResult, Func<AdminApiClient, CancellationToken, Task<ApiAnswer>>, CancellationToken, Task<int>> run)
    {
        var audit = new Command("audit", "The audit log.");
        var verify = new Command("verify", "Check the keyed chain against its signed checkpoints; exits 1 and names the first broken entry if it does not hold.");
        verify.SetAction((parse, ct) => run(parse, async (api, token) =>
        {
            var answer = await api.SendAsync(HttpMethod.Get, "/admin/v1/audit-entries/verification", null, token);
            // A broken chain is a failed check even though the request succeeded.
            return answer.Succeeded && answer.Json?["valid"]?.GetValue<bool>() == false ? answer with { Status = 409 } : answer;
        }, ct));
        audit.Subcommands.Add(verify);
        var checkpoint = new Command("checkpoint", "Sign the chain's current head and publish it (log stream, checkpoint table and file); prints the checkpoint.");
        checkpoint.SetAction((parse, ct) => run(parse, (api, token) => api.SendAsync(HttpMethod.Post, "/admin/v1/audit-entries/checkpoints", null, token), ct));
        audit.Subcommands.Add(checkpoint);
        return audit;
    }
}
