using System.CommandLine;
using System.Text.Json;

namespace Integration.Cli;

/// <summary>
/// <c>integration-admin</c>: the internal teams' command line for the admin API.
/// Connection settings come from options or the environment (INTEGRATION_API_URL,
/// INTEGRATION_ADMIN_CLIENT_ID, INTEGRATION_ADMIN_CLIENT_SECRET).
/// </summary>
public static class AdminCli
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        var url = new Option<string>("--url")
        {
            Description = "Base URL of the platform (env INTEGRATION_API_URL).",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INTEGRATION_API_URL") ?? "http://localhost:5000",
        };
        var clientId = new Option<string?>("--client-id")
        {
            Description = "Internal credential client id (env INTEGRATION_ADMIN_CLIENT_ID).",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_ID"),
        };
        var clientSecret = new Option<string?>("--client-secret")
        {
            Description = "Internal credential secret (env INTEGRATION_ADMIN_CLIENT_SECRET; prefer the variable, so it stays out of shell history).",
            Recursive = true,
            // Read from the environment when the command runs, not as a default: help prints defaults.
        };

        var root = new RootCommand("Internal teams' tool for the Partner Integration Platform admin API.");
        root.Options.Add(url);
        root.Options.Add(clientId);
        root.Options.Add(clientSecret);

        Func<ParseResult, Func<AdminApiClient, CancellationToken, Task<ApiAnswer>>, CancellationToken, Task<int>> run =
            (parse, call, ct) => ExecuteAsync(parse, url, clientId, clientSecret, handler, output, error, call, ct);

        root.Subcommands.Add(PartnerCommands.Create(run));
        root.Subcommands.Add(CredentialCommands.Create(run));
        root.Subcommands.Add(AuditCommands.Create(run));

        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static async Task<int> ExecuteAsync(
        ParseResult parse, Option<string> url, Option<string?> clientId, Option<string?> clientSecret,
        HttpMessageHandler? handler, TextWriter output, TextWriter error,
        Func<AdminApiClient, CancellationToken, Task<ApiAnswer>> call, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(clientId);
        var secret = parse.GetValue(clientSecret) ?? Environment.GetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_SECRET");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            await error.WriteLineAsync("Give the internal credential: --client-id and --client-secret, or INTEGRATION_ADMIN_CLIENT_ID and INTEGRATION_ADMIN_CLIENT_SECRET.");
            return 2;
        }
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(parse.GetValue(url)!);
        http.Timeout = TimeSpan.FromSeconds(30);
        try
        {
            var answer = await call(new AdminApiClient(http, id, secret), cancellationToken);
            var text = answer.Json is null ? answer.Raw : answer.Json.ToJsonString(Pretty);
            await (answer.Succeeded ? output : error).WriteLineAsync(text);
            return answer.Succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is CliException or HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
