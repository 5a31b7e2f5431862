using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Hosting;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task KeysLiveInTheDatabase_SoAnotherInstanceOrARestartCanUnprotect()
    {
        await using var first = new PlatformFactory();
        await first.InitializeAsync();
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept across restarts");

        await using var restarted = new PlatformFactory(first.Database);
        await restarted.InitializeAsync();

        Assert.Equal("kept across restarts", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }
}
