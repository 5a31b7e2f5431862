using System.Net;
using System.Net.Http.Json;
using Integration.Api.Sandbox;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Integration.Sandbox.Provisioning;
using Integration.Sandbox.Worlds;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxLifecycleTests
{
    [Fact]
    public async Task TheSeed_IsPlantedOnceOnTheFirstSandboxCredential_NotAgainOnTheNext()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var partnerId = await platform.CreatePartnerAsync();
        var first = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var client = platform.ClientWithToken(await platform.TokenAsync(first.ClientId, first.Secret));
        var seeded = (await client.OrdersAsync()).ToJsonString();

        await platform.IssueCredentialAsync(partnerId, "sandbox");

        Assert.Equal(seeded, (await client.OrdersAsync()).ToJsonString());
        Assert.Equal(2, await platform.WithDbAsync(db => db.Partners.CountAsync(p => p.SandboxOwnerId == partnerId)));
    }

    [Fact]
    public async Task WithSeedingOnCredentialsOff_TheSandboxIsSeededOnItsFirstSandboxCall()
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        Assert.Empty(await session.Client.OrdersAsync());

        await session.Client.GetJsonAsync("/v2/sandbox");

        Assert.Equal(6, (await session.Client.OrdersAsync()).Count);
    }

    [Fact]
    public async Task ASandboxUnusedFor90Days_IsPurged_AndItsNextCallSeedsItAfresh()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var stale = await platform.NewPartnerSessionAsync("sandbox");
        await stale.Client.PostAsJsonAsync("/v2/sandbox/snapshots", new { });
        await (await stale.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-OLD", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);

        platform.Clock.Advance(TimeSpan.FromDays(89));
        var fresh = await platform.NewPartnerSessionAsync("sandbox");
        await fresh.Client.GetJsonAsync("/v2/sandbox");
        platform.Clock.Advance(TimeSpan.FromDays(2));

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var purged = await scope.ServiceProvider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SandboxPurge>().Single()
                .RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, purged);
        }
        Assert.Equal(1, await platform.WithDbAsync(db => db.SandboxWorlds.CountAsync()));
        Assert.Equal(0, await platform.WithDbAsync(db => db.SandboxSnapshots.CountAsync()));
        var freshClient = platform.ClientWithToken(await platform.TokenAsync(fresh.Credential.ClientId, fresh.Credential.Secret));
        Assert.Equal(6, (await freshClient.OrdersAsync()).Count); // used 2 days ago: kept

        // The purged sandbox's next call seeds a new one.
        var again = platform.ClientWithToken(await platform.TokenAsync(stale.Credential.ClientId, stale.Credential.Secret));
        await again.GetJsonAsync("/v2/sandbox");
        var orders = await again.OrdersAsync();
        Assert.Equal(6, orders.Count);
        Assert.DoesNotContain(orders, o => o!["reference"]!.GetValue<string>() == "PO-OLD");
    }
}
