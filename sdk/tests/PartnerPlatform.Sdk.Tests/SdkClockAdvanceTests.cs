using Integration.Api.Tests.Sandbox;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>A large advance runs in the background on the platform (202); the SDK waits for it and returns what ran.</summary>
public sealed class SdkClockAdvanceTests
{
    [Fact]
    public async Task A_background_advance_is_awaited_by_the_sdk_and_returns_what_ran()
    {
        await using var platform = await SandboxPlatform.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:Clock:AsynchronousAbove"] = "5" });
        var (client, transport, _) = await platform.NewPartnerAsync();
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add((await client.Orders.CreateAsync(new CreateOrderRequest { Reference = $"PO-SDK-ASYNC-{i}", Lines = [new() { Sku = "SBX-CAP-NAVY", Quantity = 1 }] })).Id);
        }

        var advanced = await client.Sandbox.AdvanceClockAsync(TimeSpan.FromDays(30));

        Assert.Contains(transport.Requests, r => r.Path == "/v2/sandbox/clock/advance" && r.Status == 202);
        Assert.Contains(transport.Requests, r => r.Path.StartsWith("/v2/sandbox/clock/advances/", StringComparison.Ordinal) && r.Status == 200);
        Assert.True(advanced.Ran.OrdersDelivered >= 3, $"{advanced.Ran.OrdersDelivered} delivered");
        foreach (var id in orders)
        {
            Assert.Equal(OrderStatus.Delivered, (await client.Orders.GetAsync(id)).Status);
        }
    }
}
