using Integration.Application.Hosting;

namespace Integration.Application.Inventory;

public static class InventorySetup
{
    /// <summary>Brand stock, partner locations and their stock, transfers (with their expiry) and stock imports (with their runner).</summary>
    public static IHostApplicationBuilder AddInventory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BrandStockLedger>();
        builder.Services.AddScoped<PartnerLocations>();
        builder.Services.AddScoped<StockLevels>();
        builder.Services.AddScoped<StockChangeFeed>();
        builder.Services.AddScoped<BulkStockRows>();
        builder.Services.AddScoped<SharedStock>();
        builder.Services.AddScoped<TransferDesk>();
        builder.Services.AddScoped<StockImports>();
        builder.Services.AddOptions<InventoryOptions>().Bind(builder.Configuration.GetSection(InventoryOptions.Section))
            .ValidateSettings(InventoryOptions.Section);
        builder.Services.AddSingleton<StockImportRunner>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StockImportRunner>());
        builder.Services.AddSingleton<TransferExpiry>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<TransferExpiry>());
        return builder;
    }
}
