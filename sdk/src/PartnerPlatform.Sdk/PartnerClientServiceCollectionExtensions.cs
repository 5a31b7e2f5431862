using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <summary>Registration for apps that use dependency injection.</summary>
public static class PartnerClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PartnerClient"/> on the HttpClient factory. The returned builder adds your
    /// own handlers or a primary handler; tokens are cached for the whole application.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets credentials and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddPartnerClient(this IServiceCollection services, Action<PartnerClientOptions> configure)
    {
        services.AddOptions<PartnerClientOptions>().Configure(configure);
        services.TryAddSingleton(provider => new TokenProvider(provider.GetRequiredService<IOptions<PartnerClientOptions>>().Value));
        var builder = services.AddHttpClient(nameof(PartnerClient));
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var options = provider.GetRequiredService<IOptions<PartnerClientOptions>>().Value;
            foreach (var handler in PartnerClient.Handlers(options, provider.GetRequiredService<TokenProvider>()))
            {
                handlers.Add(handler);
            }
        });
        builder.AddTypedClient((http, provider) => new PartnerClient(http, provider.GetRequiredService<IOptions<PartnerClientOptions>>().Value));
        return builder;
    }
}
