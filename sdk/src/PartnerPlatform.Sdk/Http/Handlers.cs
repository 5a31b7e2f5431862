using System.Net;
using System.Net.Http.Headers;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Outermost: sends the call to its environment's address (<see cref="RequestOptions.Environment"/>), adds the call's own headers (<see cref="RequestOptions.Headers"/>), bounds the whole call
/// (retries included) by its timeout (<see cref="RequestOptions.Timeout"/>, else <see cref="PartnerClientOptions.Timeout"/>),
/// keeps a success's metadata for <c>LastResponse</c>, and turns every non-success answer into the matching <see cref="PartnerApiException"/>, so the
/// generated code only ever sees successes.
/// </summary>
internal sealed class ProblemHandler(PartnerClientOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Call.Scope?.Options;
        var target = CallTarget.Of(options);
        if (target.BaseAddress != options.BaseAddress && request.RequestUri is { } uri
            && uri.AbsoluteUri.StartsWith(options.BaseAddress.AbsoluteUri, StringComparison.Ordinal))
        {
            request.RequestUri = new Uri(target.BaseAddress, uri.AbsoluteUri[options.BaseAddress.AbsoluteUri.Length..]);
        }
        foreach (var (name, value) in call?.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var limit = call?.Timeout ?? options.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PartnerTimeoutException(
                $"{request.Method} {request.RequestUri} got no answer within {limit.TotalSeconds:0.###} s (retries included).", e);
        }
        catch (HttpRequestException e)
        {
            throw new PartnerApiException(0, "connection_failed", $"{request.Method} {request.RequestUri} could not reach the platform: {e.Message}", null, null, null, e);
        }
        if (response.IsSuccessStatusCode)
        {
            Call.Scope?.Response = PartnerResponse.From(response);
            return response;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ProblemExceptions.From(response, body);
        }
    }
}

/// <summary>Innermost: the bearer token on every attempt; a 401 renews the token and tries once more.</summary>
internal sealed class BearerTokenHandler(TokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(base.SendAsync, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        response.Dispose();
        tokens.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(base.SendAsync, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Innermost, so the token request carries it too: <c>PartnerPlatform.Sdk/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt; &lt;arch&gt;)</c>,
/// which lets the platform count SDK versions in use before it deprecates anything.
/// </summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    public static readonly string Value =
        $"PartnerPlatform.Sdk/{typeof(UserAgentHandler).Assembly.GetName().Version!.ToString(3)} "
        + $"({System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {OperatingSystemName()} {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture})";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", Value);
        return base.SendAsync(request, cancellationToken);
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsLinux() ? "Linux" : "other";
}
