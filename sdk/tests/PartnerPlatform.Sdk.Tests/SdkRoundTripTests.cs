using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerPlatform.Sdk.Tests;

public sealed class SdkRoundTripTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task EveryResource_RoundTrips()
    {
        var sku = await platform.CreateProductAsync(149.99m);
        await platform.SetBrandStockAsync(sku, 100);
        var (client, _, session) = await platform.NewPartnerAsync();

        var me = await client.Partner.GetAsync();
        Assert.Equal(session.PartnerId, me.Id);

        Assert.Equal(149.99m, (await client.Products.GetAsync(sku)).ListPrice.Amount);
        Assert.Contains(sku, await client.Products.ListAutoPagingAsync(new ListOptions { Limit = 2 }).Select(p => p.Sku).ToListAsync());

        Assert.Equal(100, (await client.Inventory.GetSharedAvailabilityAsync(sku)).Brand.Available);
        var location = await client.Inventory.CreateLocationAsync(new CreateLocationRequest { Name = "Pudong", Type = LocationType.Warehouse, RegionCode = "CN-SH" });
        Assert.Equal("Pudong 2", (await client.Inventory.UpdateLocationAsync(location.Id, new UpdateLocationRequest { Name = "Pudong 2" })).Name);
        Assert.Equal(location.Id, Assert.Single(await client.Inventory.ListLocationsAutoPagingAsync().ToListAsync()).Id);
        var level = await client.Inventory.SetStockAsync(location.Id, sku, 30, expectedVersion: null);
        level = await client.Inventory.AdjustAsync(new StockAdjustmentRequest { LocationId = location.Id, Sku = sku, Delta = -4, Reason = AdjustmentReason.Sold });
        Assert.Equal(26, level.Available);
        await Assert.ThrowsAsync<PartnerConflictException>(() => client.Inventory.SetStockAsync(location.Id, sku, 50, expectedVersion: 1));
        Assert.Equal(40, (await client.Inventory.SetStockAsync(location.Id, sku, 40, expectedVersion: level.Version)).OnHand);
        Assert.Equal(40, (await client.Inventory.GetStockAsync(location.Id, sku)).OnHand);
        Assert.Single(await client.Inventory.ListStockAutoPagingAsync(location.Id).ToListAsync());
        Assert.Equal(5, (await client.Inventory.SetLowStockThresholdAsync(location.Id, sku, 5)).LowStockThreshold);
        Assert.Equal([30, 26, 40], await client.Inventory.ListChangesAutoPagingAsync().Select(c => c.OnHand).ToListAsync());
        Assert.Equal(1, (await client.Inventory.BulkAsync([new BulkStockRow { LocationId = location.Id, Sku = sku, Delta = 2, Reason = AdjustmentReason.Received }])).Applied);
        var import = await client.Inventory.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"locationId,sku,delta,reason\n{location.Id},{sku},3,received\n")), StockImportFormat.Csv);
        Assert.Equal(1, import.TotalRows);
        await platform.Services.GetRequiredService<Integration.Application.Inventory.StockImportRunner>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, (await client.Inventory.WaitForImportAsync(import.Id)).AppliedRows);
        var refused = await Assert.ThrowsAsync<PartnerValidationException>(() => client.Inventory.BulkAsync([new BulkStockRow { LocationId = "loc_nope", Sku = sku, OnHand = 1 }]));
        Assert.Contains("rows[0].locationId", refused.Errors.Keys);

        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "SDK-1", Lines = [new OrderLineRequest { Sku = sku, Quantity = 2 }] });
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal("CNY", order.Total.Currency);
        Assert.Equal(order.Id, (await client.Orders.GetAsync(order.Id)).Id);
        Assert.Equal(order.Id, Assert.Single((await client.Orders.ListAsync(new OrderListOptions { Reference = "SDK-1" })).Data).Id);
        var cancelled = await client.Orders.CancelAsync(order.Id);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(2, await client.Orders.ListEventsAutoPagingAsync(order.Id).CountAsync());
        Assert.Equal(["order.created", "order.status_changed"], await client.Events.ListAutoPagingAsync(["order.created", "order.status_changed"]).Select(e => e.Type).ToListAsync());

        var created = await client.Webhooks.CreateAsync(new CreateWebhookRequest { Url = "http://localhost:9/hook", EventTypes = ["order.created"] });
        Assert.StartsWith("whsec_", created.Secret);
        var webhook = await client.Webhooks.UpdateAsync(created.Webhook.Id, new UpdateWebhookRequest { Description = "ERP" });
        Assert.Equal("ERP", webhook.Description);
        Assert.Equal(created.Webhook.Id, Assert.Single(await client.Webhooks.ListAutoPagingAsync().ToListAsync()).Id);
        Assert.NotEqual(created.Secret, (await client.Webhooks.RotateSecretAsync(created.Webhook.Id)).Secret);
        await client.Webhooks.ReplayAsync(created.Webhook.Id, new ReplayWebhookRequest { FromSequence = 1 });
        var test = await client.Webhooks.SendTestAsync(created.Webhook.Id);
        Assert.False(test.Succeeded); // nothing listens on port 9
        Assert.Single(await client.Webhooks.ListDeliveriesAutoPagingAsync(created.Webhook.Id).ToListAsync());
        await client.Webhooks.DeleteAsync(created.Webhook.Id);
        await Assert.ThrowsAsync<PartnerNotFoundException>(() => client.Webhooks.GetAsync(created.Webhook.Id));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(-5)]
    [InlineData(0)]
    public async Task Time_filters_mean_the_same_instant_whatever_offset_the_caller_writes_it_in(int offsetHours)
    {
        var sku = await platform.CreateProductAsync(20m);
        await platform.SetBrandStockAsync(sku, 10);
        var (client, _, _) = await platform.NewPartnerAsync();
        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "TZ-" + offsetHours, Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });
        var offset = TimeSpan.FromHours(offsetHours);

        var justBefore = order.CreatedAt.AddSeconds(-1).ToOffset(offset);
        var justAfter = order.CreatedAt.AddSeconds(1).ToOffset(offset);

        Assert.Equal(order.Id, Assert.Single((await client.Orders.ListAsync(new OrderListOptions { CreatedFrom = justBefore })).Data).Id);
        Assert.Empty((await client.Orders.ListAsync(new OrderListOptions { CreatedFrom = justAfter })).Data);
        Assert.Equal(order.Id, Assert.Single((await client.Orders.ListAsync(new OrderListOptions { CreatedTo = justAfter })).Data).Id);
    }

    [Fact]
    public async Task Transfers_RoundTrip()
    {
        var sku = await platform.CreateProductAsync(9m);
        var owner = await platform.NewPartnerSessionAsync();
        var shared = await Integration.Api.Tests.Inventory.InventorySteps.CreateLocationAsync(owner,
            extra: new { name = "Shared", type = "warehouse", regionCode = "CN-SH", sharing = "all_partners" });
        (await Integration.Api.Tests.Inventory.InventorySteps.AdjustAsync(owner, shared, sku, 10)).EnsureSuccessStatusCode();
        var (client, _, _) = await platform.NewPartnerAsync();
        var mine = await client.Inventory.CreateLocationAsync(new CreateLocationRequest { Name = "Mine", Type = LocationType.Store, RegionCode = "CN-BJ" });

        Assert.Equal(10, Assert.Single((await client.Inventory.GetSharedAvailabilityAsync(sku)).Locations).Available);
        var transfer = await client.Transfers.RequestAsync(new CreateTransferRequest { FromLocationId = shared, ToLocationId = mine.Id, Sku = sku, Quantity = 4 });
        Assert.Equal(TransferStatus.Requested, transfer.Status);
        Assert.Equal(transfer.Id, Assert.Single(await client.Transfers.ListAutoPagingAsync(TransferDirection.Outgoing).ToListAsync()).Id);
        await Assert.ThrowsAsync<PartnerPermissionException>(() => client.Transfers.AcceptAsync(transfer.Id));
        (await owner.Client.PostAsync($"/v2/transfers/{transfer.Id}/accept", null)).EnsureSuccessStatusCode();
        Assert.Equal(TransferStatus.Accepted, (await client.Transfers.GetAsync(transfer.Id)).Status);
        Assert.Equal(4, (await client.Inventory.GetStockAsync(mine.Id, sku)).OnHand);
        await Assert.ThrowsAsync<PartnerPermissionException>(() => client.Transfers.RejectAsync(transfer.Id, "not mine to decide"));
    }

    [Fact]
    public async Task Settlements_And_Disputes_RoundTrip()
    {
        var sku = await platform.CreateProductAsync(200m);
        await platform.SetBrandStockAsync(sku, 10);
        var (client, _, _) = await platform.NewPartnerAsync();
        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "SDK-SETTLE", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });
        foreach (var step in new[] { "confirm", "ship", "deliver" })
        {
            var response = await platform.AdminMoveAsync(order.Id, step, step == "ship" ? new { carrier = "SF", trackingNumber = "1" } : null);
            response.EnsureSuccessStatusCode();
        }

        var month = platform.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var preview = await client.Settlements.GetAsync(month);
        Assert.Equal(StatementStatus.Open, preview.Status);
        Assert.Equal(order.Total.Amount, preview.DeliveredTotal.Amount);
        Assert.Equal(order.Id, Assert.Single(await client.Settlements.ListOrdersAutoPagingAsync(month).ToListAsync()).OrderId);
        Assert.Empty(await client.Settlements.ListAutoPagingAsync().ToListAsync());
        using var csv = new MemoryStream();
        await client.Settlements.ExportAsync(month, csv);
        Assert.Contains(order.Id, System.Text.Encoding.UTF8.GetString(csv.ToArray()));
        await Assert.ThrowsAsync<PartnerNotFoundException>(() => client.Settlements.GetAsync("stm_nope"));

        var dispute = await client.Disputes.OpenAsync(new OpenDisputeRequestV2 { OrderId = order.Id, Amount = 10.50m, Reason = "Scuffed box" });
        Assert.Equal(1, dispute.Level);
        Assert.Equal(DisputeAssignee.RegionalManager, dispute.Assignee);
        Assert.Equal(dispute.Id, (await client.Disputes.GetAsync(dispute.Id)).Id);
        Assert.Equal(dispute.Id, Assert.Single(await client.Disputes.ListAutoPagingAsync(DisputeStatus.Open).ToListAsync()).Id);
        var tooMuch = await Assert.ThrowsAsync<PartnerValidationException>(() => client.Disputes.OpenAsync(new OpenDisputeRequestV2 { OrderId = order.Id, Amount = 1000.00m, Reason = "Too much" }));
        Assert.Equal("amount_exceeds_disputed", tooMuch.Code);
    }

    [Fact]
    public async Task AutoPaging_VisitsEveryItemOnce_WhileNewOnesArrive()
    {
        var sku = await platform.CreateProductAsync(10m);
        await platform.SetBrandStockAsync(sku, 1_000);
        var (client, _, _) = await platform.NewPartnerAsync();
        var existing = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            existing.Add((await client.Orders.CreateAsync(new CreateOrderRequest { Reference = $"PAGE-{i}", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] })).Id);
        }

        var seen = new List<string>();
        await foreach (var order in client.Orders.ListAutoPagingAsync(new OrderListOptions { Limit = 7 }))
        {
            seen.Add(order.Id);
            if (seen.Count % 5 == 0)
            {
                await client.Orders.CreateAsync(new CreateOrderRequest { Reference = $"NEW-{seen.Count}", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });
            }
        }

        Assert.Equal(existing.Count, seen.Distinct().Count(existing.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task DependencyInjection_GivesAClientThatSharesItsToken()
    {
        var session = await platform.NewPartnerSessionAsync();
        var (baseAddress, transport) = await SdkHarness.TransportAsync(platform);
        var services = new ServiceCollection();
        services.AddPartnerClient(o =>
            {
                o.BaseAddress = baseAddress;
                o.ClientId = session.Credential.ClientId;
                o.ClientSecret = session.Credential.Secret;
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<PartnerClient>();
        var second = provider.GetRequiredService<PartnerClient>();
        Assert.Equal(session.PartnerId, (await first.Partner.GetAsync()).Id);
        Assert.Equal(session.PartnerId, (await second.Partner.GetAsync()).Id);
        Assert.Equal(session.PartnerId, (await provider.GetRequiredService<IPartnerClient>().Partner.GetAsync()).Id);
        Assert.Equal(session.PartnerId, (await provider.GetRequiredService<IPartnerService>().GetAsync()).Id);
        Assert.Empty((await provider.GetRequiredService<IOrderService>().ListAsync()).Data);
        Assert.Equal(1, transport.TokenRequests);
    }

    [Fact]
    public async Task Two_keyed_clients_in_one_host_each_reach_their_own_environment_with_their_own_token()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var sandbox = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var (baseAddress, transport) = await SdkHarness.TransportAsync(platform);
        var services = new ServiceCollection();
        foreach (var (name, credential, environment) in new[] { ("live", live, ApiEnvironment.Live), ("sandbox", sandbox, ApiEnvironment.Sandbox) })
        {
            services.AddPartnerClient(name, o =>
                {
                    o.BaseAddress = baseAddress;
                    o.ClientId = credential.ClientId;
                    o.ClientSecret = credential.Secret;
                    o.Environment = environment;
                })
                .ConfigurePrimaryHttpMessageHandler(() => transport);
        }
        await using var provider = services.BuildServiceProvider();

        var liveClient = provider.GetRequiredKeyedService<IPartnerClient>("live");
        var sandboxClient = provider.GetRequiredKeyedService<IPartnerClient>("sandbox");

        Assert.Equal(ApiEnvironment.Live, (await liveClient.Partner.GetAsync()).Environment);
        Assert.Equal(ApiEnvironment.Sandbox, (await sandboxClient.Partner.GetAsync()).Environment);
        Assert.Equal(ApiEnvironment.Live, (await liveClient.Partner.GetAsync()).Environment);
        Assert.Equal(2, transport.TokenRequests); // one token per credential, each kept
    }
}
