using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Inventory;

internal sealed class BrandStockConfiguration : IEntityTypeConfiguration<BrandStock>
{
    public void Configure(EntityTypeBuilder<BrandStock> builder)
    {
        builder.ToTable("brand_stock", table => table.HasCheckConstraint("ck_brand_stock_available", "\"Reserved\" >= 0 AND \"OnHand\" >= \"Reserved\""));
        builder.HasKey(s => new { s.Sku, s.Environment, s.Pool });
        builder.Property(s => s.Sku).HasMaxLength(SkuFormat.MaxLength);
        builder.Property(s => s.Pool).HasMaxLength(40);
        builder.Ignore(s => s.Available);
    }
}
