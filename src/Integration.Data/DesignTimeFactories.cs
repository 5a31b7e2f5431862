using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only; see scripts/add-migration.sh.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIntegrationDbContext>
{
    public SqliteIntegrationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIntegrationDbContext>()
            .UseSqlite("Data Source=design-time.db").UseOpenIddict().Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIntegrationDbContext>
{
    public PostgresIntegrationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIntegrationDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time").UseOpenIddict().Options);
}
