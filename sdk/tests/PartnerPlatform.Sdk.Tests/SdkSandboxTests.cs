using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>The sandbox's controls through the SDK: typed, paged, and refused for live credentials like any API error.</summary>
public sealed class SdkSandboxTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task ASandboxRun_ThroughTheSdk_OrderToDelivered_SnapshotRestore_SimulatorMode()
    {
        var (client, _, _) = await platform.NewPartnerAsync();
        var sandbox = await client.Sandbox.GetAsync();
        Assert.Equal(2, sandbox.PeerPartnerIds.Count);
        var snapshot = await client.Sandbox.CreateSnapshotAsync("fresh");

        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "PO-SDK-SBX", Lines = [new() { Sku = "SBX-TEE-BLACK-M", Quantity = 1 }] });
        await client.Sandbox.Actions.ConfirmOrderAsync(order.Id);
        var advanced = await client.Sandbox.AdvanceClockAsync(TimeSpan.FromDays(6));
        Assert.True(advanced.Ran.OrdersDelivered >= 1);
        Assert.Equal(OrderStatus.Delivered, (await client.Orders.GetAsync(order.Id)).Status);
        Assert.Equal("P6D", (await client.Sandbox.GetClockAsync()).Offset);

        var mode = await client.Sandbox.SetSimulatorModeAsync(SandboxService.BankGateway, SimulatorMode.Failing);
        Assert.Equal(SimulatorMode.Failing, mode.Mode);
        var listed = await client.Sandbox.ListSnapshotsAutoPagingAsync().ToListAsync();
        Assert.Equal(snapshot.Id, Assert.Single(listed).Id);

        await client.Sandbox.RestoreSnapshotAsync(snapshot.Id);
        var error = await Assert.ThrowsAnyAsync<PartnerApiException>(() => client.Orders.GetAsync(order.Id));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("PT0S", (await client.Sandbox.GetClockAsync()).Offset);
    }

    [Fact]
    public async Task LiveCredentials_GetNotFound_FromTheSandboxControls()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var (client, _) = await SdkHarness.ClientForAsync(platform, await platform.IssueCredentialAsync(partnerId, "live"));
        var error = await Assert.ThrowsAnyAsync<PartnerApiException>(() => client.Sandbox.AdvanceClockAsync(TimeSpan.FromDays(1)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
