using System.Collections.Immutable;
using System.Security.Claims;
using Integration.Api.Observability;
using Integration.Application.Observability;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

/// <summary>
/// The client credentials grant. OpenIddict has already authenticated the client (secret, overlap
/// window) and refused other grant types; this decides the scopes and writes our claims.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, IntegrationDbContext db, IOptions<OAuthOptions> options, PlatformMetrics metrics, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        var credential = await (
                from c in db.Credentials.AsNoTracking()
                where c.ClientId == request.ClientId
                join p in db.Partners.AsNoTracking() on c.PartnerId equals p.Id into partners
                from p in partners.DefaultIfEmpty()
                select new { c.Id, c.ClientId, c.Kind, c.PartnerId, c.Environment, c.Scopes, c.Roles, c.Status, Tier = (PartnerTier?)p.Tier })
            .FirstOrDefaultAsync(cancellationToken);
        if (credential is null || credential.Status != CredentialStatus.Active)
        {
            return Refuse(Errors.InvalidClient, "The client credentials are not valid.");
        }

        var requested = request.GetScopes();
        var granted = requested.IsEmpty ? credential.Scopes.ToImmutableArray() : requested;
        var notAllowed = granted.Except(credential.Scopes).ToList();
        if (notAllowed.Count > 0)
        {
            return Refuse(Errors.InvalidScope,
                $"This credential may not request the scope(s): {string.Join(' ', notAllowed)}. It holds: {string.Join(' ', credential.Scopes)}.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, credential.ClientId);
        identity.SetClaim(PlatformClaims.CredentialId, credential.Id);
        identity.SetClaim(PlatformClaims.CredentialKind, SnakeCase.Of(credential.Kind));
        if (credential.Kind == CredentialKind.Partner)
        {
            identity.SetClaim(PlatformClaims.PartnerId, credential.PartnerId);
            identity.SetClaim(PlatformClaims.Environment, SnakeCase.Of(credential.Environment));
            if (credential.Tier is { } tier)
            {
                identity.SetClaim(PlatformClaims.Tier, SnakeCase.Of(tier));
            }
        }
        else
        {
            identity.SetClaims(PlatformClaims.Role, [.. credential.Roles.Select(SnakeCase.Of)]);
        }
        identity.SetScopes(granted);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        metrics.TokenIssued(SnakeCase.Of(credential.Kind), credential.Kind == CredentialKind.Partner ? credential.Environment : null);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
