using Integration.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Integration.Api.Hosting;

public static class StorageSetup
{
    /// <summary>The database (SQLite file by default, PostgreSQL when configured) and DataProtection keys kept in it.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddIntegrationStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("partner-integration-platform")
            .PersistKeysToDbContext<DataProtectionKeyStore>();
        return builder;
    }
}
