namespace Integration.Api.Catalog;

public static class CatalogSetup
{
    /// <summary>The brand's product catalog.</summary>
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProductCatalog>();
        return builder;
    }
}
