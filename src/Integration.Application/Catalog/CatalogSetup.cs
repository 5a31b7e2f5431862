namespace Integration.Application.Catalog;

public static class CatalogSetup
{
    /// <summary>The brand's product catalog.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProductCatalog>();
        return builder;
    }
}
