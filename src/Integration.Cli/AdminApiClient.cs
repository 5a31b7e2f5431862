using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Integration.Cli;

/// <summary>The admin API over HTTP, authenticated with an internal credential (client credentials grant).</summary>
public sealed class AdminApiClient(HttpClient http, string clientId, string clientSecret)
{
    private string? _accessToken;

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        _accessToken ??= await FetchTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiAnswer.ReadAsync(response, cancellationToken);
    }

    private async Task<string> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "admin",
        }), cancellationToken);
        var answer = await ApiAnswer.ReadAsync(response, cancellationToken);
        if (answer.Succeeded && answer.Json?["access_token"]?.GetValue<string>() is { } token)
        {
            return token;
        }
        if (answer.Json?["error"] is { } error)
        {
            throw new CliException($"The platform refused the credential: {error} {answer.Json["error_description"]}".Trim(),
                answer.Status >= 500 ? ExitCodes.Failed : ExitCodes.Unauthenticated);
        }
        // Not an OAuth answer: a wrong --url, or a proxy in between.
        throw new CliException($"{http.BaseAddress}connect/token answered {answer.Status} without a token; is --url the platform's address?");
    }
}
