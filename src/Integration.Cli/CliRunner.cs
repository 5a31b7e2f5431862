using System.CommandLine;
using System.Text.Json.Nodes;

namespace Integration.Cli;

/// <summary>
/// Runs one command's API calls: connects with the credential from the options or the environment, prints the
/// answer in the chosen format, prints problems as <c>title: detail</c> on stderr, and turns them into exit codes.
/// </summary>
internal sealed class CliRunner(CliOptions options, Func<string, string?> environment, HttpMessageHandler? handler, TextWriter output, TextWriter error)
{
    public const int DefaultPort = 5000;

    /// <summary>
    /// One call; <paramref name="judge"/> may turn a successful answer into a failure with an exit code and a line for
    /// stderr (e.g. a broken audit chain).
    /// </summary>
    public Task<int> SendAsync(ParseResult parse, HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        Func<ApiAnswer, (int ExitCode, string? Message)>? judge = null) =>
        WithApiAsync(parse, async api =>
        {
            var answer = await api.SendAsync(method, path, body, cancellationToken);
            if (!answer.Succeeded)
            {
                return await ProblemAsync(answer);
            }
            await PrintAsync(parse, answer.Json, null, answer.Raw);
            var (exitCode, message) = judge?.Invoke(answer) ?? (ExitCodes.Ok, null);
            if (message is not null)
            {
                await error.WriteLineAsync(message);
            }
            return exitCode;
        }, cancellationToken);

    public Task<int> GetAsync(ParseResult parse, string path, CancellationToken cancellationToken) =>
        SendAsync(parse, HttpMethod.Get, path, null, cancellationToken);

    public Task<int> PostAsync(ParseResult parse, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(parse, HttpMethod.Post, path, body, cancellationToken);

    /// <summary>
    /// A list: one page by default (with a hint on stderr when more exist), every page with <c>--all</c>, or up to
    /// <c>--limit</c> items. Printed as one table or one JSON array.
    /// </summary>
    public Task<int> ListAsync(ParseResult parse, PagingOptions paging, string path, IReadOnlyList<string>? columns, CancellationToken cancellationToken) =>
        WithApiAsync(parse, async api =>
        {
            var all = parse.GetValue(paging.All);
            var limit = parse.GetValue(paging.Limit);
            var cursor = parse.GetValue(paging.Cursor);
            var items = new JsonArray();
            while (true)
            {
                int? pageSize = all ? PagingOptions.PageSize : limit is { } l ? Math.Min(PagingOptions.PageSize, l - items.Count) : null;
                var answer = await api.SendAsync(HttpMethod.Get,
                    Query.Path(path, ("limit", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), null, cancellationToken);
                if (!answer.Succeeded)
                {
                    return await ProblemAsync(answer);
                }
                if (answer.Json?["data"] is not JsonArray data)
                {
                    throw new CliException($"The platform answered {answer.Status} without a list: {answer.Raw}");
                }
                foreach (var item in data.ToList())
                {
                    data.Remove(item);
                    items.Add(item);
                }
                cursor = answer.Json["nextCursor"]?.GetValue<string>();
                var wanted = all || (limit is { } max && items.Count < max);
                if (cursor is null || !wanted)
                {
                    break;
                }
            }
            await PrintAsync(parse, items, columns, null);
            if (cursor is not null)
            {
                await error.WriteLineAsync($"More results exist: add --all, --limit N, or --cursor {cursor} to go on.");
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private async Task<int> WithApiAsync(ParseResult parse, Func<AdminApiClient, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var (id, secret) = Credential(parse);
            var url = parse.GetValue(options.Url) ?? environment("INTEGRATION_ADMIN_URL") ?? environment("INTEGRATION_API_URL") ?? $"http://localhost:{DefaultPort}";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
            {
                throw new CliException($"'{url}' is not an absolute URL, e.g. https://platform.example.com.", ExitCodes.Usage);
            }
            using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            http.BaseAddress = baseAddress;
            http.Timeout = TimeSpan.FromSeconds(parse.GetValue(options.TimeoutSeconds));
            return await work(new AdminApiClient(http, id, secret));
        }
        catch (CliException e)
        {
            await error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(e is TaskCanceledException
                ? $"The platform did not answer within {parse.GetValue(options.TimeoutSeconds)} s (--timeout)."
                : $"The platform could not be reached: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private (string Id, string Secret) Credential(ParseResult parse)
    {
        var id = parse.GetValue(options.ClientId) ?? environment("INTEGRATION_ADMIN_CLIENT_ID");
        string? secret;
        if (parse.GetValue(options.ClientSecretFile) is { } file)
        {
            try
            {
                secret = File.ReadAllText(file).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"The secret file could not be read: {e.Message}", ExitCodes.Usage);
            }
        }
        else
        {
            secret = environment("INTEGRATION_ADMIN_CLIENT_SECRET");
        }
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            throw new CliException(
                "Give the internal credential: INTEGRATION_ADMIN_CLIENT_ID (or --client-id) and INTEGRATION_ADMIN_CLIENT_SECRET (or --client-secret-file).",
                ExitCodes.Usage);
        }
        return (id, secret);
    }

    private async Task PrintAsync(ParseResult parse, JsonNode? json, IReadOnlyList<string>? columns, string? raw)
    {
        if (json is null)
        {
            if (!string.IsNullOrEmpty(raw))
            {
                await output.WriteLineAsync(raw);
            }
            return;
        }
        await output.WriteLineAsync(parse.GetValue(options.Output) == CliOptions.Json ? ResultPrinter.Json(json) : ResultPrinter.Table(json, columns));
    }

    /// <summary>An RFC 9457 problem as <c>title: detail (code)</c> and its field errors, on stderr.</summary>
    private async Task<int> ProblemAsync(ApiAnswer answer)
    {
        if (answer.Json is JsonObject problem && problem["title"] is not null)
        {
            var detail = problem["detail"]?.GetValue<string>();
            var code = problem["code"]?.GetValue<string>();
            await error.WriteLineAsync($"{problem["title"]}{(detail is null ? "" : $": {detail}")}{(code is null ? "" : $" ({code})")}");
            if (problem["errors"] is JsonObject fields)
            {
                foreach (var (field, messages) in fields)
                {
                    foreach (var message in messages as JsonArray ?? [])
                    {
                        await error.WriteLineAsync($"  {field}: {message}");
                    }
                }
            }
        }
        else
        {
            await error.WriteLineAsync($"The platform answered {answer.Status}. {answer.Raw}".TrimEnd());
        }
        return ExitCodes.ForStatus(answer.Status);
    }
}
