using Integration.Application.Settlement;
using Integration.Core.Common;
using Integration.Web.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace Integration.Web.Sessions;

/// <summary>The web's small form posts that are not pages: sign out, the language, the portal's environment.</summary>
public static class WebSessionEndpoints
{
    public static IEndpointRouteBuilder MapWebSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(WebPaths.SignOut, async (HttpContext http) =>
        {
            await http.SignOutAsync(PersonSessions.Scheme);
            return Results.Redirect(WebPaths.SignIn);
        }).ExcludeFromDescription();
        endpoints.MapPost(WebPaths.Culture, (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (WebSetup.Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            }
            return Results.LocalRedirect(WebPaths.SafeReturn(returnUrl));
        }).ExcludeFromDescription();
        endpoints.MapPost(WebPaths.Portal + "/environment", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string environment, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (SnakeCase.TryParse<ApiEnvironment>(environment, out var chosen))
            {
                http.Response.Cookies.Append(WebSessionMiddleware.EnvironmentCookie, SnakeCase.Of(chosen),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });
            }
            return Results.LocalRedirect(WebPaths.SafeReturn(returnUrl));
        }).ExcludeFromDescription();
        endpoints.MapGet(WebPaths.Portal + "/statements/{id}/export", ExportStatementAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// A statement's CSV for the portal's download link, written by the API's own export. The middleware has already
    /// scoped the data to the signed-in partner: another partner's statement id is not found (404), as on the API.
    /// </summary>
    private static async Task ExportStatementAsync(HttpContext http, string id, WebSession session, Statements statements, StatementExport export)
    {
        StatementView view;
        try
        {
            view = await statements.GetAsync(session.PartnerId!, session.Environment, id, http.RequestAborted);
        }
        catch (DomainException refused)
        {
            await Results.Problem(refused.Message, statusCode: ErrorStatus.Of(refused.Kind)).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"statement-{view.Period}.csv\"";
        await export.WriteAsync(view, http.Response.Body, http.RequestAborted);
    }
}
