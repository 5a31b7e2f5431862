using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Sandbox;
using Integration.Data;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Worlds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.Sandbox;

public static class SandboxSetup
{
    /// <summary>The sandbox tenant's controls, clocks and simulated outside world (docs/sandbox.md).</summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new SandboxSimulators(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.SimulatorPort));
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

/// <summary>
/// A sandbox caller's unit of work runs on its sandbox clock: every business rule of the request
/// reads the partner's moved time. Live callers are not touched (no extra query).
/// </summary>
public sealed class SandboxClockMiddleware(RequestDelegate next)
{
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromHours(1);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller() is { Kind: CredentialKind.Partner, Environment: ApiEnvironment.Sandbox, PartnerId: { } partnerId })
        {
            var clock = context.RequestServices.GetRequiredService<BusinessClock>();
            var platform = context.RequestServices.GetRequiredService<TimeProvider>();
            var db = context.RequestServices.GetRequiredService<IntegrationDbContext>();
            var world = await db.SandboxWorlds.AsNoTracking().Where(w => w.PartnerId == partnerId)
                .Select(w => new { w.ClockOffset, w.LastUsedAt }).FirstOrDefaultAsync(context.RequestAborted);
            if (world is not null)
            {
                clock.RunAhead(world.ClockOffset);
                var now = platform.UtcNow();
                if (now - world.LastUsedAt > UseRecordedEvery)
                {
                    await using var transaction = await db.BeginUnitOfWorkAsync(context.RequestAborted);
                    await db.SandboxWorlds.Where(w => w.PartnerId == partnerId).ExecuteUpdateAsync(set => set.SetProperty(w => w.LastUsedAt, now), context.RequestAborted);
                    await transaction.CommitAsync(context.RequestAborted);
                }
            }
        }
        await next(context);
    }
}

/// <summary>Sandbox-only endpoints do not exist for live credentials: 404, like any unknown path.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SandboxOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.HttpContext.GetCaller()?.Environment != ApiEnvironment.Sandbox)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}

/// <summary>Publishes the named sandbox scenarios in every partner OpenAPI document (<c>x-sandbox-scenarios</c>).</summary>
public sealed class SandboxScenariosInOpenApi : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (context.DocumentName == ApiDocsSetup.AdminDocument)
        {
            return;
        }
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-sandbox-scenarios"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(SandboxScenarios.All
            .Select(s => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = s.Name, ["trigger"] = s.Trigger, ["outcome"] = s.Outcome,
            }).ToArray()));
    }
}

/// <summary>Purges sandboxes nobody used for <see cref="SandboxOptions.PurgeUnusedAfter"/>, once a day.</summary>
public sealed class SandboxPurge(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SandboxOptions> options, ILogger<SandboxPurge> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SandboxWorlds>().PurgeUnusedAsync(clock.UtcNow() - options.Value.PurgeUnusedAfter, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is > 0 and var purged)
                {
                    logger.LogInformation("Purged {Count} unused sandboxes", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging unused sandboxes failed; it runs again tomorrow");
            }
        }
    }
}
