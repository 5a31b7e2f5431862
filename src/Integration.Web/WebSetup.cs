using System.Reflection;
using System.Globalization;
using Integration.Web.Components;
using Integration.Web.Onboarding;
using Integration.Web.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Integration.Web;

/// <summary>
/// The partner portal (/portal) and the internal console (/console): Blazor pages rendered on the server, hosted by the
/// API's process by default. They sign people in with the same cookie as the admin API and act through the same
/// application services and tenancy filter as the API (docs/adr/0024-one-web-application-on-the-platforms-services.md).
/// </summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // Outside Development too (tests, a build run without publishing): MudBlazor's files are found through the
        // build's manifest; a published app carries them in wwwroot and has no manifest, which this call tolerates.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "web_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddScoped<WebSession>();
        builder.Services.AddScoped<GoLiveChecklist>();
        return builder;
    }

    /// <summary>Before the endpoints: the web's own pipeline on its paths only (culture, session, page headers), then antiforgery.</summary>
    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseWhen(context => WebPaths.IsWeb(context.Request.Path), web =>
        {
            web.UseRequestLocalization(new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture(Cultures[0]),
                SupportedCultures = Cultures,
                SupportedUICultures = Cultures,
                RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
            });
            web.UseMiddleware<PageHeaders>();
            web.UseMiddleware<WebSessionMiddleware>();
        });
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // The host's build names its manifest after the application; a tool that loads the host to read its API
        // (the OpenAPI generator) runs elsewhere, without one, and serves no page anyway.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{new AssemblyName(app.Environment.ApplicationName).Name}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
        }
        app.MapRazorComponents<App>();
        app.MapWebSessionEndpoints();
        return app;
    }
}
