using System.CommandLine;

namespace Integration.Cli;

/// <summary>The options every command takes: where the platform is, who calls, and how to print.</summary>
internal sealed class CliOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = "Base URL of the platform (env INTEGRATION_ADMIN_URL; default http://localhost:5000).",
        Recursive = true,
    };

    // Values from the environment are read when the command runs, never as option defaults: help prints defaults.
    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = "Internal credential client id (env INTEGRATION_ADMIN_CLIENT_ID).",
        Recursive = true,
    };

    public Option<string?> ClientSecretFile { get; } = new("--client-secret-file")
    {
        Description = "A file holding the internal credential's secret (otherwise env INTEGRATION_ADMIN_CLIENT_SECRET). The secret is never taken on the command line.",
        Recursive = true,
    };

    public Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each answer (closing a month for every partner can take minutes).",
        Recursive = true,
        DefaultValueFactory = _ => 100,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "table: aligned columns for people; json: the API's objects as pretty JSON, a list as one array.",
        HelpName = "table|json",
        Recursive = true,
        DefaultValueFactory = _ => Table,
    };

    public const string Table = "table";
    public const string Json = "json";

    public CliOptions()
    {
        Output.AcceptOnlyFromAmong(Table, Json);
        TimeoutSeconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be 1 second or more.");
            }
        });
    }

    public void AddTo(Command root)
    {
        root.Options.Add(Url);
        root.Options.Add(ClientId);
        root.Options.Add(ClientSecretFile);
        root.Options.Add(Output);
        root.Options.Add(TimeoutSeconds);
    }
}
