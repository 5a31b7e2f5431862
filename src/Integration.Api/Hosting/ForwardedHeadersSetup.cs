using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Integration.Api.Hosting;

public static class ForwardedHeadersSetup
{
    /// <summary>Reads <c>ForwardedHeaders:*</c>; a malformed address stops the start with the setting's name.</summary>
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(TrustedProxiesOptions.Section).Get<TrustedProxiesOptions>() ?? new TrustedProxiesOptions();
        var proxies = trusted.KnownProxies.Select((value, i) => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies:{i} '{value}' is not an IP address.")).ToList();
        var networks = trusted.KnownNetworks.Select((value, i) => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks:{i} '{value}' is not a network in CIDR notation (10.0.0.0/24).")).ToList();
        if (trusted.ForwardLimit < 1)
        {
            throw new InvalidOperationException("ForwardedHeaders:ForwardLimit must be at least 1.");
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = trusted.ForwardLimit;
            // ASP.NET Core trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that every later step sees the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var trusted = app.Configuration.GetSection(TrustedProxiesOptions.Section).Get<TrustedProxiesOptions>() ?? new TrustedProxiesOptions();
        if (trusted.KnownProxies.Count > 0 || trusted.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
