using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>A partner's appsettings.json (or environment variables) configure the client: <c>AddPartnerClient(configuration.GetSection("PartnerPlatform"))</c>.</summary>
public sealed class SdkConfigurationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_client_bound_from_configuration_reaches_the_environment_it_names()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var (baseAddress, transport) = await SdkHarness.TransportAsync(platform);
        var configuration = Configuration(new()
        {
            ["PartnerPlatform:ClientId"] = live.ClientId,
            ["PartnerPlatform:ClientSecret"] = live.Secret,
            ["PartnerPlatform:Environment"] = "Live",
            ["PartnerPlatform:BaseUrl"] = baseAddress.ToString(),
            ["PartnerPlatform:MaxRetries"] = "1",
        });
        var services = new ServiceCollection();
        services.AddPartnerClient(configuration.GetSection("PartnerPlatform")).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var me = await provider.GetRequiredService<IPartnerClient>().Partner.GetAsync();

        Assert.Equal(ApiEnvironment.Live, me.Environment);
        Assert.Equal(ApiEnvironment.Live, provider.GetRequiredService<IOptionsMonitor<PartnerClientOptions>>().Get(Options.DefaultName).Environment);
        Assert.Equal(1, provider.GetRequiredService<IOptionsMonitor<PartnerClientOptions>>().Get(Options.DefaultName).MaxRetries);
    }

    [Theory]
    [InlineData(null, "PartnerPlatform:ClientSecret")]
    [InlineData("Staging", "PartnerPlatform:Environment 'Staging'")]
    public void A_configuration_the_client_cannot_work_with_is_refused_naming_the_setting(string? environment, string named)
    {
        var configuration = Configuration(new() { ["PartnerPlatform:ClientId"] = "sbx_abc", ["PartnerPlatform:Environment"] = environment });
        if (environment is not null)
        {
            configuration["PartnerPlatform:ClientSecret"] = "sk_x";
        }
        var services = new ServiceCollection();
        services.AddPartnerClient("erp", configuration.GetSection("PartnerPlatform"));
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IPartnerClient>("erp"));

        Assert.Contains(named, refused.Message);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
