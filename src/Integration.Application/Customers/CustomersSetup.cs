namespace Integration.Application.Customers;

public static class CustomersSetup
{
    /// <summary>The customer (CRM) channel: upserts, erasure, consents and the change feed.</summary>
    public static IHostApplicationBuilder AddCustomers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CustomerVault>();
        builder.Services.AddScoped<CustomerBook>();
        return builder;
    }
}
