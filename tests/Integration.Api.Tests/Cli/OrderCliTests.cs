using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin orders</c>: every partner's orders, searched through the admin API.</summary>
public sealed class OrderCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Search_FindsAPartnersOrders_ByPartnerStatusAndReference_AndShowPrintsOne()
    {
        var sku = await platform.CreateProductAsync(99.90m);
        await platform.SetBrandStockAsync(sku, 100);
        var session = await platform.NewPartnerSessionAsync();
        var first = await session.PlaceOrderAsync((sku, 1));
        var second = await session.PlaceOrderAsync((sku, 2));
        var secondId = second["id"]!.GetValue<string>();

        var all = await platform.RunCliAsync("orders", "search", "--partner", session.PartnerId, "-o", "json");
        var byReference = await platform.RunCliAsync("orders", "search", "--partner", session.PartnerId, "--reference", second["reference"]!.GetValue<string>());
        var table = await platform.RunCliAsync("orders", "search", "--partner", session.PartnerId, "--environment", "sandbox", "--limit", "1");
        var shown = await platform.RunCliAsync("orders", "show", secondId, "-o", "json");
        var missing = await platform.RunCliAsync("orders", "show", "ord_missing");

        Assert.Equal(new[] { secondId, first["id"]!.GetValue<string>() }.Order(), all.Ids.Order());
        Assert.Contains(secondId, byReference.Output);
        Assert.DoesNotContain(first["id"]!.GetValue<string>(), byReference.Output);
        Assert.StartsWith("id", table.Output);
        Assert.Matches($@"(?m)^ord_\S+\s+{session.PartnerId}\s+sandbox\s", table.Output);
        Assert.Contains("--cursor", table.Error);
        Assert.Equal(secondId, shown.Json!["id"]!.GetValue<string>());
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }
}
