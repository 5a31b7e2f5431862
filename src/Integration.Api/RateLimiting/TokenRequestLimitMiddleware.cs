using System.Net.Http.Headers;
using System.Text;
using Integration.Api.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Limits token requests per source address and per client id before OpenIddict authenticates the
/// client, so that guessing secrets or flooding the endpoint costs no database work (nor an audit
/// entry per attempt). Runs before authentication. A refusal is a problem document that also
/// carries the RFC 6749 <c>error</c> and <c>error_description</c> members OAuth clients read.
/// </summary>
public sealed class TokenRequestLimitMiddleware(RequestDelegate next, RateLimitGate gate, IOptions<RateLimitOptions> options)
{
    public const string TokenPath = "/connect/token";

    /// <summary>Longer than any client id we issue (and than the audit log's actor column): refused unread.</summary>
    public const int MaxClientIdLength = 100;

    /// <summary>Longer than any secret we issue: refused unread.</summary>
    public const int MaxClientSecretLength = 200;

    /// <summary>Room for every scope at once, space-separated, several times over.</summary>
    public const int MaxScopeLength = 1000;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var (applied, decision) = await gate.TakeAsync(RateLimitPolicy.ForTokenAddress(context, options.Value));
        var what = "source address";
        if (decision.Allowed && await ClientIdAsync(context.Request) is { Length: > 0 } clientId)
        {
            if (await TooLongFieldAsync(context.Request, clientId) is { } tooLong)
            {
                RateLimitFields.AddTo(context.Response, applied, decision);
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", tooLong);
                return;
            }
            (applied, decision) = await gate.TakeAsync(RateLimitPolicy.ForTokenClient(clientId, options.Value));
            what = "client";
            if (decision.Allowed && await UsedUpWrongSecretAllowanceAsync(clientId, context) is { } exhausted)
            {
                RateLimitFields.AddTo(context.Response, applied, decision);
                await RefuseAfterWrongSecretsAsync(context, exhausted.Policy, exhausted.Decision);
                return;
            }
        }
        RateLimitFields.AddTo(context.Response, applied, decision);
        if (!decision.Allowed)
        {
            await RefuseAsync(context, applied, decision, what);
            return;
        }
        await next(context);
    }

    /// <summary>The first allowance of wrong secrets (this address, then all addresses) that this client has used up, if any.</summary>
    private async Task<(RateLimitPolicy Policy, RateLimitDecision Decision)?> UsedUpWrongSecretAllowanceAsync(string clientId, HttpContext context)
    {
        foreach (var policy in new[] { RateLimitPolicy.ForWrongSecrets(clientId, context, options.Value), RateLimitPolicy.ForWrongSecretsPerClient(clientId, options.Value) })
        {
            var (applied, decision) = await gate.PeekAsync(policy);
            if (!decision.Allowed)
            {
                return (applied, decision);
            }
        }
        return null;
    }

    private static Task RefuseAfterWrongSecretsAsync(HttpContext context, RateLimitPolicy policy, RateLimitDecision decision)
    {
        var seconds = RateLimitFields.AddRetryAfter(context.Response, policy, decision);
        return RefuseAsync(context, StatusCodes.Status429TooManyRequests, "too_many_failed_attempts",
            $"Too many wrong secrets for this client ({policy.Burst} in {TimeSpan.FromSeconds(policy.Burst / policy.PermitsPerSecond):c}). "
            + $"Its secret is checked again in {seconds} s; check the client id and secret your application uses.");
    }

    private static async Task<string?> TooLongFieldAsync(HttpRequest request, string clientId)
    {
        if (clientId.Length > MaxClientIdLength)
        {
            return $"client_id is longer than any client id ({MaxClientIdLength} characters).";
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
        var secret = form?["client_secret"].ToString() is { Length: > 0 } posted ? posted : BasicCredentials(request)?.Secret;
        if (secret?.Length > MaxClientSecretLength)
        {
            return $"client_secret is longer than any secret ({MaxClientSecretLength} characters).";
        }
        return form?["scope"].ToString().Length > MaxScopeLength ? $"scope is longer than {MaxScopeLength} characters." : null;
    }

    /// <summary>The client id of the form or of a Basic authorization header (RFC 6749 §2.3.1), if any.</summary>
    private static async Task<string?> ClientIdAsync(HttpRequest request)
    {
        if (BasicCredentials(request) is { } basic)
        {
            return basic.ClientId;
        }
        if (!request.HasFormContentType)
        {
            return null;
        }
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return form["client_id"].ToString();
    }

    private static (string ClientId, string? Secret)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization)
            || !authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || authorization.Parameter is not { } parameter)
        {
            return null;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = pair.IndexOf(':');
            return colon < 0 ? (Uri.UnescapeDataString(pair), null) : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null; // OpenIddict answers the malformed header
        }
    }

    private static Task RefuseAsync(HttpContext context, RateLimitPolicy policy, RateLimitDecision decision, string what)
    {
        var seconds = RateLimitFields.AddRetryAfter(context.Response, policy, decision);
        return RefuseAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited",
            $"Too many token requests from this {what} for the {policy.Describe()}. Retry after {seconds} s.");
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        problem.Extensions["error"] = code;
        problem.Extensions["error_description"] = detail;
        Problems.Complete(problem, context);
        return context.Response.WriteAsJsonAsync(problem, System.Text.Json.JsonSerializerOptions.Web, "application/problem+json");
    }
}
