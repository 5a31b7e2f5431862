using System.CommandLine;

namespace Integration.Cli;

internal static class AuditCommands
{
    private static readonly string[] Columns = ["sequence", "occurredAt", "actor", "action", "target", "outcome"];

    public static Command Create(CliRunner runner)
    {
        var audit = new Command("audit", "The audit log: entries, chain verification, checkpoints.");

        var list = new Command("list", "List audit entries in chain order.");
        var paging = new PagingOptions(list);
        list.SetAction((parse, ct) => runner.ListAsync(parse, paging, "/admin/v1/audit-entries", Columns, ct));

        var verify = new Command("verify", $"Check the keyed chain against its signed checkpoints; exits {ExitCodes.AuditChainBroken} and names the first broken entry if it does not hold.");
        // A broken chain is a failed check even though the request succeeded.
        verify.SetAction((parse, ct) => runner.SendAsync(parse, HttpMethod.Get, "/admin/v1/audit-entries/verification", null, ct,
            answer => answer.Json?["valid"]?.GetValue<bool>() == false
                ? (ExitCodes.AuditChainBroken,
                    $"The audit chain does not hold from entry {answer.Json["firstBrokenEntry"]?["sequence"]}: {answer.Json["firstBrokenEntry"]?["reason"]}")
                : (ExitCodes.Ok, null)));

        var checkpoint = new Command("checkpoint", "Sign the chain's current head and publish it (log stream, checkpoint table and file); prints the checkpoint.");
        checkpoint.SetAction((parse, ct) => runner.PostAsync(parse, "/admin/v1/audit-entries/checkpoints", null, ct));

        audit.Subcommands.Add(list);
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);
        return audit;
    }
}
