using Integration.Api.Hosting;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Worlds;
using Microsoft.Extensions.Options;

namespace Integration.Api.Sandbox;

public static class SandboxSetup
{
    /// <summary>The sandbox tenant's controls, clocks and simulated outside world (docs/sandbox.md).</summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section)).ValidateSettings(SandboxOptions.Section);
        services.AddSingleton(provider => new SandboxSimulators(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.SimulatorPort));
        services.AddSingleton<SimulatorCallLog>();
        services.AddHostedService(provider => provider.GetRequiredService<SimulatorCallLog>());
        services.AddSingleton<SimulatedBankGateway>();
        services.AddSingleton<SimulatedCarrier>();
        services.AddScoped<SandboxWorldRows>();
        services.AddScoped<SandboxSeed>();
        services.AddScoped<SandboxWorlds>();
        services.AddScoped<SandboxTimeMachine>();
        services.AddSingleton<SandboxProvisioning>();
        services.AddHostedService<SandboxPurge>();
        services.ConfigureSwaggerGen(options => options.DocumentFilter<SandboxScenariosInOpenApi>());
        return builder;
    }
}
