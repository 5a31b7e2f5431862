// dotnet run --project sdk/samples/Quickstart -- <sandbox client id> <secret> [sku] [platform url]
using PartnerPlatform.Sdk;
using PartnerPlatform.Sdk.Orders;

var client = new PartnerClient(new PartnerClientOptions
{
    ClientId = args[0],
    ClientSecret = args[1],
    Environment = ApiEnvironment.Sandbox,
    BaseAddress = new Uri(args.ElementAtOrDefault(3) ?? "http://localhost:5000/"),
});
var sku = args.ElementAtOrDefault(2) ?? "BAG-001";

await foreach (var product in client.Products.ListAutoPagingAsync())
    Console.WriteLine($"{product.Sku,-12} {product.Name,-28} {product.ListPrice.Amount} {product.ListPrice.Currency}");

var stock = await client.Inventory.GetSharedAvailabilityAsync(sku);
Console.WriteLine($"{sku}: {stock.Brand.Available} available from the brand");

var order = await client.Orders.CreateAsync(new CreateOrderRequest
{
    Reference = $"QS-{DateTime.UtcNow:yyyyMMddHHmmss}",
    Lines = [new OrderLineRequest { Sku = sku, Quantity = 2 }],
});
Console.WriteLine($"Placed {order.Id}: {order.Total.Amount} {order.Total.Currency}, {order.Status}");

await foreach (var placed in client.Orders.ListAutoPagingAsync(new OrderListOptions { Limit = 10 }))
    Console.WriteLine($"{placed.Reference,-20} {placed.Status,-10} {placed.Total.Amount}");
