using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Integration.Api.Tests.Audit;

/// <summary>
/// A platform whose audit settings a test chooses, with its log stream captured. Without keys and with a
/// <c>developmentContentRoot</c>, it is the README's one-command run: Development, nothing configured.
/// </summary>
public sealed class AuditPlatform : PlatformFactory
{
    private readonly string? _developmentContentRoot;

    public AuditPlatform(
        TestDatabase? sharedDatabase = null, IReadOnlyDictionary<string, string?>? audit = null,
        bool withoutKeys = false, string? developmentContentRoot = null)
        : base(sharedDatabase)
    {
        _developmentContentRoot = developmentContentRoot;
        if (developmentContentRoot is not null)
        {
            Directory.CreateDirectory(developmentContentRoot);
        }
        Settings["Logging:LogLevel:Integration.Application.Audit"] = "Information";
        if (withoutKeys)
        {
            foreach (var key in Settings.Keys.Where(k => k.StartsWith("Audit:ChainKeys:", StringComparison.Ordinal) || k == "Audit:CurrentKeyId").ToList())
            {
                Settings.Remove(key);
            }
        }
        foreach (var (key, value) in audit ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        if (_developmentContentRoot is not null)
        {
            builder.UseEnvironment("Development");
            builder.UseContentRoot(_developmentContentRoot);
        }
    }

    public async Task<JsonNode> VerifyAsync()
    {
        var admin = await AdminClientAsync();
        return await (await admin.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);
    }

    public async Task<JsonNode> CheckpointAsync()
    {
        var admin = await AdminClientAsync();
        return await (await admin.PostAsync("/admin/v1/audit-entries/checkpoints", null)).ReadJsonAsync(HttpStatusCode.OK);
    }

    public async Task<long> CreatePartnersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await CreatePartnerAsync();
        }
        return await WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
    }
}
