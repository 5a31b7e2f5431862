using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data;

/// <summary>
/// The DataProtection key ring's own view of the <c>DataProtectionKeys</c> table, which the platform's
/// migrations create. ASP.NET Core reads and writes keys synchronously, which a multiplexed PostgreSQL
/// connection refuses, so this context gets a connection without multiplexing (see
/// <see cref="StorageRegistration.WithPostgresDefaults"/>).
/// </summary>
public sealed class DataProtectionKeyStore(DbContextOptions<DataProtectionKeyStore> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
