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

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(Validation, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(Validation, properties);
}
