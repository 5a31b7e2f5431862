using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>Every value of every enum a request carries reaches the real platform as its wire value, and comes back as itself.</summary>
public sealed class SdkEnumWireTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    public static TheoryData<SharingPolicy> SharingPolicies => new(SharingPolicy.KnownValues);

    public static TheoryData<AdjustmentReason> AdjustmentReasons => new(AdjustmentReason.KnownValues);

    public static TheoryData<SimulatorMode> SimulatorModes => new(SimulatorMode.KnownValues);

    [Theory]
    [MemberData(nameof(SharingPolicies))]
    public async Task Every_sharing_policy_round_trips_on_create_and_update(SharingPolicy sharing)
    {
        var (client, _, _) = await platform.NewPartnerAsync();
        var peer = await platform.CreatePartnerAsync();
        IReadOnlyList<string>? sharedWith = sharing == SharingPolicy.Named ? [peer] : null;

        var created = await client.Inventory.CreateLocationAsync(new CreateLocationRequest
        {
            Name = "Wire", Type = LocationType.Warehouse, RegionCode = "CN-SH", Sharing = sharing, SharedWith = sharedWith,
        });
        var updated = await client.Inventory.UpdateLocationAsync(created.Id, new UpdateLocationRequest { Sharing = sharing, SharedWith = sharedWith });

        Assert.Equal(sharing, created.Sharing);
        Assert.Equal(sharing, updated.Sharing);
    }

    [Theory]
    [MemberData(nameof(AdjustmentReasons))]
    public async Task Every_adjustment_reason_is_accepted_by_adjustments_and_bulk_rows(AdjustmentReason reason)
    {
        var sku = await platform.CreateProductAsync(5m);
        var (client, _, _) = await platform.NewPartnerAsync();
        var location = await client.Inventory.CreateLocationAsync(new CreateLocationRequest { Name = "Wire", Type = LocationType.Store, RegionCode = "CN-SH" });
        await client.Inventory.SetStockAsync(location.Id, sku, 10, null);

        var adjusted = await client.Inventory.AdjustAsync(new StockAdjustmentRequest { LocationId = location.Id, Sku = sku, Delta = -1, Reason = reason });
        var bulk = await client.Inventory.BulkAsync([new BulkStockRow { LocationId = location.Id, Sku = sku, Delta = 1, Reason = reason }]);

        Assert.Equal(9, adjusted.OnHand);
        Assert.Equal(1, bulk.Applied);
    }

    [Theory]
    [MemberData(nameof(SimulatorModes))]
    public async Task Every_simulator_mode_round_trips(SimulatorMode mode)
    {
        var (client, _, _) = await platform.NewPartnerAsync();

        var set = await client.Sandbox.SetSimulatorModeAsync(SandboxService.BankGateway, mode);

        Assert.Equal(mode, set.Mode);
    }
}
