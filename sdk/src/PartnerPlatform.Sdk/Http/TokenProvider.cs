using System.Net;
using System.Text.Json;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Access tokens by the client credentials grant, one per <see cref="CallTarget"/> (the client's own credential,
/// or a call's): cached, renewed before they expire, one request at a time however many calls wait for it.
/// </summary>
internal sealed class TokenProvider(PartnerClientOptions options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CallTarget, Slot> _slots = new();
    private readonly Polly.ResiliencePipeline<HttpResponseMessage> _retries = RetryPolicy.For(options);

    /// <summary>The token of the call in progress's target.</summary>
    /// <param name="send">Sends the token request (the pipeline below the bearer handler).</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async ValueTask<string> GetAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var target = CallTarget.Of(options);
        var slot = _slots.GetOrAdd(target, _ => new Slot());
        if (slot.Current is { } fresh && options.TimeProvider.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.Token;
        }
        await slot.Refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Current is { } renewed && options.TimeProvider.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Token; // another caller renewed it while this one waited
            }
            slot.Current = await RequestAsync(target, send, cancellationToken).ConfigureAwait(false);
            return slot.Current.Value.Token;
        }
        finally
        {
            slot.Refresh.Release();
        }
    }

    private static HttpRequestMessage TokenRequest(CallTarget target) => new(HttpMethod.Post, new Uri(target.BaseAddress, "connect/token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = target.ClientId, ["client_secret"] = target.ClientSecret,
        }),
    };

    /// <summary>Drops <paramref name="rejected"/> so the next call with the same target gets a new token (after a 401).</summary>
    public void Invalidate(string rejected)
    {
        if (_slots.TryGetValue(CallTarget.Of(options), out var slot) && slot.Current is { } current && current.Token == rejected)
        {
            slot.Current = null;
        }
    }

    private async Task<(string, DateTimeOffset)> RequestAsync(CallTarget target, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        // A busy or restarting token endpoint (429, 5xx, a lost connection) is retried like any call; a refused credential is not.
        using var response = await _retries.ExecuteAsync(async attempt => await send(TokenRequest(target), attempt).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var refused = ProblemExceptions.From(response, body);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                throw new PartnerAuthenticationException(response.StatusCode, refused.Code,
                    $"The token endpoint refused the credential {target.ClientId} ({refused.Code}): {refused.Message}", refused.RequestId, body);
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

    /// <summary>One target's token, and the gate that lets one request renew it.</summary>
    private sealed class Slot
    {
        public SemaphoreSlim Refresh { get; } = new(1, 1);

        public (string Token, DateTimeOffset RenewAt)? Current { get; set; }
    }
}
