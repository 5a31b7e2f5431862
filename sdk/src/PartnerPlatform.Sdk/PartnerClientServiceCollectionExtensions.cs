using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <summary>Registration for apps that use dependency injection.</summary>
public static class PartnerClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PartnerClient"/> on the HttpClient factory, as itself, as <see cref="IPartnerClient"/>
    /// and as each service's interface (<see cref="IOrderService"/>, <see cref="IInventoryService"/>…), so
    /// your classes take only what they use. The returned builder adds your own handlers or a primary
    /// handler; tokens are cached for the whole application.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets credentials and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddPartnerClient(this IServiceCollection services, Action<PartnerClientOptions> configure)
    {
        var builder = services.AddPartnerClient(Options.DefaultName, configure);
        builder.Services.AddTransient(provider => provider.GetRequiredKeyedService<PartnerClient>(Options.DefaultName));
        builder.Services.AddTransient<IPartnerClient>(provider => provider.GetRequiredService<PartnerClient>());
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Orders);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Products);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Events);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Webhooks);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Partner);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Inventory);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Transfers);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Settlements);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Disputes);
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().Sandbox);
        return builder;
    }

    /// <summary>
    /// Registers one of several clients — for example a <c>"live"</c> and a <c>"sandbox"</c> one, or
    /// one per partner you act for — as a keyed service: inject it with
    /// <c>[FromKeyedServices("live")] IPartnerClient client</c>. Each name has its own options, token
    /// and connection pool.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's key.</param>
    /// <param name="configure">Sets its credentials and settings.</param>
    /// <returns>The HttpClient builder of that client.</returns>
    public static IHttpClientBuilder AddPartnerClient(this IServiceCollection services, string name, Action<PartnerClientOptions> configure)
    {
        services.AddOptions<PartnerClientOptions>(name).Configure(configure);
        services.AddKeyedSingleton(name, (provider, _) => new TokenProvider(OptionsOf(provider, name)));
        var httpName = $"{nameof(PartnerClient)}:{name}";
        var builder = services.AddHttpClient(httpName);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            foreach (var handler in PartnerClient.Handlers(OptionsOf(provider, name), provider.GetRequiredKeyedService<TokenProvider>(name)))
            {
                handlers.Add(handler);
            }
        });
        services.AddKeyedTransient(name, (provider, _) =>
            new PartnerClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpName), OptionsOf(provider, name)));
        services.AddKeyedTransient<IPartnerClient>(name, (provider, _) => provider.GetRequiredKeyedService<PartnerClient>(name));
        return builder;
    }

    private static PartnerClientOptions OptionsOf(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<PartnerClientOptions>>().Get(name);
}
