using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <summary>Registration for apps that use dependency injection.</summary>
public static class PartnerClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PartnerClient"/> on the HttpClient factory, as itself, as <see cref="IPartnerClient"/>
    /// and as each service's interface (<see cref="Orders.IOrderService"/>, <see cref="Inventory.IInventoryService"/>…), so
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
        builder.Services.AddTransient(provider => provider.GetRequiredService<IPartnerClient>().RequestLog);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="PartnerClient"/> as <see cref="AddPartnerClient(IServiceCollection, Action{PartnerClientOptions})"/>
    /// does, with its options bound from configuration — <c>AddPartnerClient(configuration.GetSection("PartnerPlatform"))</c>
    /// reads <c>PartnerPlatform:ClientId</c>, <c>:ClientSecret</c>, <c>:Environment</c> (<c>Sandbox</c> or <c>Live</c>),
    /// <c>:BaseUrl</c> and any other <see cref="PartnerClientOptions"/> property by its name. A missing or
    /// wrong setting is refused by name (<see cref="OptionsValidationException"/>) when the host starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddPartnerClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPartnerClient(configuration.Bound()).ValidatedAs(Options.DefaultName, configuration);

    /// <summary>One of several clients (see <see cref="AddPartnerClient(IServiceCollection, string, Action{PartnerClientOptions})"/>), bound from configuration.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's key.</param>
    /// <param name="configuration">The section holding its settings.</param>
    /// <returns>The HttpClient builder of that client.</returns>
    public static IHttpClientBuilder AddPartnerClient(this IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddPartnerClient(name, configuration.Bound()).ValidatedAs(name, configuration);

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

    private static Action<PartnerClientOptions> Bound(this IConfiguration configuration) => options =>
    {
        configuration.Bind(options);
        if (configuration["BaseUrl"] is { Length: > 0 } url)
        {
            options.BaseAddress = new Uri(url, UriKind.Absolute);
        }
    };

    private static IHttpClientBuilder ValidatedAs(this IHttpClientBuilder builder, string name, IConfiguration configuration)
    {
        var prefix = configuration is IConfigurationSection section ? section.Path + ":" : "";
        builder.Services.AddOptions<PartnerClientOptions>(name).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PartnerClientOptions>>(new ProblemValidation(name, prefix));
        return builder;
    }

    private sealed class ProblemValidation(string name, string prefix) : IValidateOptions<PartnerClientOptions>
    {
        public ValidateOptionsResult Validate(string? optionsName, PartnerClientOptions options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : options.Problem(prefix) is { } problem ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
