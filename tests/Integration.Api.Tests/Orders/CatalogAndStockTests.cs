using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Orders;

public sealed class CatalogAndStockTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Products_RefuseSubCentPricesAndDuplicateSkus()
    {
        var admin = await platform.AdminClientAsync();
        var sku = await platform.CreateProductAsync(10.00m);

        var subCent = await admin.PostAsJsonAsync("/admin/v1/products", new { sku = CommerceSetup.NewSku(), name = "X", listPrice = 10.005m });
        var duplicate = await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Again", listPrice = 1.00m });

        var problem = await subCent.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["listPrice"]);
        await duplicate.ReadProblemAsync(HttpStatusCode.Conflict, "sku_exists");
    }

    [Fact]
    public async Task BrandStock_CannotBeSetBelowWhatConfirmedOrdersReserved()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        await platform.SetBrandStockAsync(sku, 10);
        var session = await platform.NewPartnerSessionAsync();
        var id = (await session.PlaceOrderAsync((sku, 6)))["id"]!.GetValue<string>();
        (await platform.AdminMoveAsync(id, "confirm")).EnsureSuccessStatusCode();
        var admin = await platform.AdminClientAsync();

        await (await admin.PutAsJsonAsync($"/admin/v1/brand-stock/sandbox/{sku}", new { onHand = 5 })).ReadProblemAsync(HttpStatusCode.Conflict, "below_reserved");

        var stock = await platform.BrandStockAsync(sku);
        Assert.Equal(10, stock["onHand"]!.GetValue<int>());
        Assert.Equal(6, stock["reserved"]!.GetValue<int>());
    }

    [Fact]
    public async Task BrandStock_IsSeparatePerEnvironment()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        await platform.SetBrandStockAsync(sku, 10, environment: "sandbox");
        var admin = await platform.AdminClientAsync();

        await (await admin.GetAsync($"/admin/v1/brand-stock/live/{sku}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InternalWork_SeesPartnerRowsOnlyWhenItAsksForThem()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        var session = await platform.NewPartnerSessionAsync();
        await session.PlaceOrderAsync((sku, 1));

        var (plain, visible) = await platform.WithDbAsync(async db => (
            await db.Orders.CountAsync(o => o.PartnerId == session.PartnerId),
            await db.Visible<Core.Orders.Order>().CountAsync(o => o.PartnerId == session.PartnerId)));

        Assert.Equal(0, plain); // fails closed: no tenant, no rows
        Assert.Equal(1, visible);
    }

    [Fact]
    public async Task Partners_SeeTheBrandsAvailableStock_InTheirOwnEnvironment()
    {
        var sku = await platform.CreateProductAsync(12m);
        await platform.SetBrandStockAsync(sku, 40);
        await platform.SetBrandStockAsync(sku, 7, "live");
        var session = await platform.NewPartnerSessionAsync();
        var orderId = (await session.PlaceOrderAsync((sku, 15)))["id"]!.GetValue<string>();
        (await platform.AdminMoveAsync(orderId, "confirm")).EnsureSuccessStatusCode();

        var shared = await (await session.Client.GetAsync($"/v2/inventory/shared?sku={sku}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(25, shared["brand"]!["available"]!.GetValue<int>()); // 40 on hand, 15 reserved; the live 7 are not the sandbox's
        Assert.Empty(shared["locations"]!.AsArray());
        Assert.Equal(0, (await (await session.Client.GetAsync("/v2/inventory/shared?sku=NOT-STOCKED-1")).ReadJsonAsync(HttpStatusCode.OK))["brand"]!["available"]!.GetValue<int>());
        await (await session.Client.GetAsync("/v2/inventory/shared?sku=bad%20sku")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await session.Client.GetAsync("/v2/inventory/shared")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
