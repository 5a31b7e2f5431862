using Integration.Application.People;
using Integration.Data;
using Integration.Data.People;
using Integration.Web.People;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Integration.Api.People;

public static class PeopleSetup
{
    /// <summary>
    /// Internal people: ASP.NET Core Identity (password, TOTP, recovery codes) and a cookie that only the admin API's
    /// policies read. The partner API never looks at it: it stays bearer-only.
    /// </summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Person>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Tokens.AuthenticatorIssuer = "Partner Integration Platform";
            })
            .AddUserStore<UserOnlyStore<Person, IntegrationDbContext>>()
            .AddClaimsPrincipalFactory<PersonClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication().AddCookie(PersonSessions.Scheme, options =>
        {
            options.Cookie.Name = "internal_session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict; // a cookie-borne admin call cannot come from another site
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; }, // pages redirect themselves (WebSessionMiddleware)
                OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
                OnValidatePrincipal = PersonSessions.ValidateAsync,
            };
        });
        builder.Services.AddScoped<PersonSessions>();
        builder.Services.AddScoped<PersonSignIn>();
        return builder;
    }
}
