using System.Security.Claims;
using Integration.Application.Audit;
using Integration.Application.Environments;
using Integration.Application.OAuth;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.Extensions.DependencyInjection;
using Integration.Web.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace Integration.Web.Sessions;

/// <summary>
/// Reads the person's cookie on the web's paths. Nobody signed in goes to the sign-in page; a partner user on a portal
/// page acts as their partner in the chosen environment — the request's user becomes that partner's caller, so the
/// database's tenancy filter applies to every page exactly as it does to the API; the console needs internal roles.
/// </summary>
public sealed class WebSessionMiddleware(RequestDelegate next)
{
    public const string EnvironmentCookie = "portal_environment";

    public async Task InvokeAsync(HttpContext context, WebSession session)
    {
        var signedIn = await context.AuthenticateAsync(PersonSessions.Scheme);
        if (signedIn.Succeeded)
        {
            session.Load(signedIn.Principal);
            // The request's user on every web path, not only on pages: the antiforgery token a page issued is checked
            // against the same person when its form posts elsewhere (the language switch, sign-out).
            context.User = signedIn.Principal;
        }
        var path = context.Request.Path;
        var portal = path.StartsWithSegments(WebPaths.Portal);
        var console = path.StartsWithSegments(WebPaths.Console);
        if (!portal && !console)
        {
            await next(context);
            return;
        }
        if (!session.SignedIn)
        {
            context.Response.Redirect($"{WebPaths.SignIn}?returnUrl={Uri.EscapeDataString(path + context.Request.QueryString)}");
            return;
        }
        if (portal && !session.IsPartnerUser || console && !session.IsInternal)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(portal
                ? "This page is for partner users. Internal teams use the console at /console."
                : "The console is for internal teams with a role (and a confirmed authenticator). Partner users use the portal at /portal.");
            return;
        }
        if (console)
        {
            // As on the admin API: the audit entries this request writes name the roles the person acted with.
            context.RequestServices.GetRequiredService<ActingPerson>().Caller = session.Caller;
        }
        if (portal)
        {
            session.Environment = SnakeCase.TryParse<ApiEnvironment>(context.Request.Cookies[EnvironmentCookie], out var chosen) ? chosen : ApiEnvironment.Sandbox;
            context.User = PartnerCaller(session);
            await FollowSandboxClockAsync(context, session);
            // Reading the cookie already leased this request's DbContext (the person store), before anyone knew the
            // tenant: it would see every partner's rows. Scope it now, before any page reads through it.
            context.RequestServices.GetRequiredService<IntegrationDbContext>().ScopeTo(session.PartnerId, session.Environment);
            // Read here, not by the layout: a layout and its page initialise concurrently, and both would use the
            // request's one DbContext at once (PostgreSQL showed it: "a second operation was started on this context").
            session.FrozenBecause = await context.RequestServices.GetRequiredService<AccountStanding>()
                .FrozenBecauseAsync(session.PartnerId!, session.Environment, context.RequestAborted);
        }
        await next(context);
    }

    /// <summary>
    /// As the API's sandbox requests do, a sandbox page runs on the partner's sandbox clock (a dispute opened there is timed by it).
    /// Asked before the tenant is set: the sandbox's clock is the owner's row. While the clock advances, pages read and do not change.
    /// </summary>
    private static async Task FollowSandboxClockAsync(HttpContext context, WebSession session)
    {
        if (session.Environment != ApiEnvironment.Sandbox)
        {
            return;
        }
        try
        {
            await context.RequestServices.GetRequiredService<EnvironmentClocks>().FollowPartnerAsync(context.RequestServices.GetRequiredService<BusinessClock>(),
                context.RequestServices.GetRequiredService<IntegrationDbContext>(), session.PartnerId!, ApiEnvironment.Sandbox, context.RequestAborted);
        }
        catch (DomainException advancing) when (advancing.Kind == ErrorKind.Conflict)
        {
            session.SandboxAdvancing = advancing.Message;
        }
    }

    private static ClaimsPrincipal PartnerCaller(WebSession session)
    {
        var identity = new ClaimsIdentity(PersonSessions.Scheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, session.Email);
        identity.SetClaim(PlatformClaims.CredentialId, session.PersonId);
        identity.SetClaim(PlatformClaims.CredentialKind, SnakeCase.Of(CredentialKind.Partner));
        identity.SetClaim(PlatformClaims.PartnerId, session.PartnerId);
        identity.SetClaim(PlatformClaims.Environment, SnakeCase.Of(session.Environment));
        identity.SetClaim(PlatformClaims.PartnerRole, SnakeCase.Of(session.PartnerRole!.Value));
        return new ClaimsPrincipal(identity);
    }
}
