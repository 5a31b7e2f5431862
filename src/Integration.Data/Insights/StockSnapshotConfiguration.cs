using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Insights;

internal sealed class StockSnapshotConfiguration : IEntityTypeConfiguration<StockSnapshot>
{
    public void Configure(EntityTypeBuilder<StockSnapshot> builder)
    {
        builder.ToTable("stock_snapshots");
        // The key makes a day's snapshot once-only, also when two runs overlap after a lease ran out.
        builder.HasKey(s => new { s.PartnerId, s.Environment, s.Day, s.LocationId, s.Sku });
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.LocationId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.Sku).HasMaxLength(SkuFormat.MaxLength);
    }
}
