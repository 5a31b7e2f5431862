namespace Integration.Api.Orders;

public static class OrdersSetup
{
    /// <summary>Placing and moving orders.</summary>
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderBook>();
        return builder;
    }
}
