using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Idempotency;
using Integration.Core.Inventory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Configurations;

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

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.PartnerId, r.Environment, r.Key });
        builder.Property(r => r.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Key).HasMaxLength(ContractLimits.IdempotencyKey);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResponseLocation).HasMaxLength(500);
        builder.Property(r => r.ResponseETag).HasMaxLength(64);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
