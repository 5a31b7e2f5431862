using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Integration.Api.OAuth;

/// <summary>
/// The API's authentication scheme: a bearer token seen and fully validated before is taken from
/// <see cref="ValidatedTokenCache"/>; anything else goes through OpenIddict's validation, which also
/// answers challenges (RFC 6750 <c>WWW-Authenticate</c>).
/// </summary>
public sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (cache.TryGet(token, out var known))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, SchemeName));
        }
        var result = await Context.AuthenticateAsync(Validation);
        if (result is { Succeeded: true, Principal: { } principal })
        {
            cache.Add(token, principal);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        }
        return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("The access token was refused."));
    }

    /// <summary>
    /// RFC 6750 § 3.1: a request without any token gets the plain <c>Bearer</c> challenge, no error code
    /// (OpenIddict would answer <c>error="insufficient_access"</c>); a refused token gets OpenIddict's
    /// <c>error="invalid_token"</c> with its description.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Headers.Authorization.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
        return Context.ChallengeAsync(Validation, properties);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(Validation, properties);
}
