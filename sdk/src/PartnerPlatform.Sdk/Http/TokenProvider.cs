using System.Net;
using System.Text.Json;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Access tokens by the client credentials grant: cached, renewed before they expire, one request
/// at a time however many calls wait for it.
/// </summary>
internal sealed class TokenProvider(PartnerClientOptions options)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Polly.ResiliencePipeline<HttpResponseMessage> _retries = RetryPolicy.For(options);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <param name="send">Sends the token request (the pipeline below the bearer handler).</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async ValueTask<string> GetAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (_current is { } fresh && options.TimeProvider.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.Token;
        }
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } renewed && options.TimeProvider.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Token; // another caller renewed it while this one waited
            }
            _current = await RequestAsync(send, cancellationToken).ConfigureAwait(false);
            return _current.Value.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private HttpRequestMessage TokenRequest() => new(HttpMethod.Post, new Uri(options.BaseAddress, "connect/token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret,
        }),
    };

    /// <summary>Drops <paramref name="rejected"/> so the next call gets a new token (after a 401).</summary>
    public void Invalidate(string rejected)
    {
        if (_current is { } current && current.Token == rejected)
        {
            _current = null;
        }
    }

    private async Task<(string, DateTimeOffset)> RequestAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        // A busy or restarting token endpoint (429, 5xx, a lost connection) is retried like any call; a refused credential is not.
        using var response = await _retries.ExecuteAsync(async attempt => await send(TokenRequest(), attempt).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var refused = ProblemExceptions.From(response, body);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                throw new PartnerAuthenticationException(response.StatusCode, refused.Code,
                    $"The token endpoint refused the credential ({refused.Code}): {refused.Message}", refused.RequestId, body);
            }
            throw refused;
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var lifetime = TimeSpan.FromSeconds(json.RootElement.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
            var margin = lifetime > options.TokenRefreshMargin * 2 ? options.TokenRefreshMargin : lifetime / 2;
            return (token, options.TimeProvider.GetUtcNow() + lifetime - margin);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PartnerApiException(response.StatusCode, "unexpected_response", "The token endpoint's answer is not an OAuth token response.",
                null, body, null, e);
        }
    }
}
