namespace Integration.Application.Orders;

public static class OrdersSetup
{
    /// <summary>Placing and moving orders.</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderBook>();
        return builder;
    }
}
