using Integration.Application.Hosting;
using Integration.Application.Environments;
using Integration.Application.Settlement;
using Integration.Core.Common;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Worlds;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Clocks;
using Integration.Sandbox.Provisioning;

namespace Integration.Sandbox.Hosting;

public static class SandboxSetup
{
    /// <summary>The sandbox tenant's controls, clocks and simulated outside world (docs/sandbox.md).</summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section)).ValidateSettings(SandboxOptions.Section);
        services.AddSingleton(provider => new SandboxSimulators(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.SimulatorPort));
        services.AddSingleton<SimulatorCallLog>();
        services.AddHostedService(provider => provider.GetRequiredService<SimulatorCallLog>());
        services.AddSingleton<SimulatedBankGateway>();
        services.AddKeyedSingleton<IPayoutGateway>(ApiEnvironment.Sandbox, (provider, _) => provider.GetRequiredService<SimulatedBankGateway>());
        services.AddKeyedSingleton<IEnvironmentClock, SandboxClocks>(ApiEnvironment.Sandbox);
        services.AddSingleton<SimulatedCarrier>();
        services.AddScoped<SandboxWorldRows>();
        services.AddScoped<SandboxSeed>();
        services.AddScoped<SandboxWorlds>();
        services.AddScoped<SandboxTimeMachine>();
        services.AddScoped<ClockAdvances>();
        services.AddScoped<Scenarios.SandboxScenarioRunner>();
        services.AddSingleton<ClockAdvanceRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<ClockAdvanceRunner>());
        services.AddSingleton<SandboxProvisioning>();
        services.AddKeyedSingleton<IEnvironmentProvisioning>(ApiEnvironment.Sandbox, (provider, _) => provider.GetRequiredService<SandboxProvisioning>());
        services.AddHostedService<SandboxPurge>();
        return builder;
    }
}
