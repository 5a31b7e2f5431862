using Microsoft.EntityFrameworkCore;

namespace Integration.Data;

public sealed class PostgresIntegrationDbContext(DbContextOptions<PostgresIntegrationDbContext> options) : IntegrationDbContext(options);
