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
        return endpoints;
    }
}
