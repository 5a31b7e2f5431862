using Integration.Core.Audit;
using Microsoft.Extensions.Options;

namespace Integration.Application.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The keyed audit log, its checkpoints (table, log stream, file) and retention. Outside Development
    /// a missing key stops the platform at start; the operator commands that write entries
    /// (<c>bootstrap</c>) stop at their first entry with the same message.
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        var keysRequired = !builder.Environment.IsDevelopment();
        var settings = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        builder.Services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.Problem(keysRequired) is null, settings.Problem(keysRequired) ?? "The Audit settings are not valid.")
            .ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AuditOptions>>().Value;
            return options.ChainKeys.Count == 0 ? DevelopmentAuditKey.LoadOrCreate(contentRoot) : options.ToKeyRing();
        });
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ActingPerson>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditEntries>();
        builder.Services.AddScoped<AuditCheckpoints>();
        builder.Services.AddScoped<AuditPruning>();
        builder.Services.AddSingleton<AuditCheckpointFile>();
        builder.Services.AddHostedService<AuditMaintenance>();
        return builder;
    }
}
