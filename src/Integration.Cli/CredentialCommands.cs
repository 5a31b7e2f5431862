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
        var issue = new Command("issue", "Issue a credential; the secret is printed once.") { partner, environment, scopes, name };
        issue.SetAction((parse, ct) => run(parse, (api, token) =>
            api.SendAsync(HttpMethod.Post, $"/admin/v1/partners/{Uri.EscapeDataString(parse.GetValue(partner)!)}/credentials", new
            {
                environment = parse.GetValue(environment),
                scopes = parse.GetValue(scopes)!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                name = parse.GetValue(name),
            }, token), ct));

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
