using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Api.Tests.Http;

/// <summary>The platform with its request log on, collected.</summary>
public sealed class LoggedPlatform : PlatformFactory
{
    public LoggedPlatform() => Settings["Logging:LogLevel:Integration.Api.Hosting.RequestIdMiddleware"] = "Information";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
