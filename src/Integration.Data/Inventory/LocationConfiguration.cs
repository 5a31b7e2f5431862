using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Inventory;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(l => l.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(l => l.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(l => l.RegionCode).HasMaxLength(12);
        builder.Property(l => l.Address).HasMaxLength(ContractLimits.Address);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.PartnerId, l.Environment, l.CreatedAt, l.Id });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(l => l.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.ToTable("stock_levels", table => table.HasCheckConstraint("ck_stock_levels_available", "\"Reserved\" >= 0 AND \"OnHand\" >= \"Reserved\""));
        // PostgreSQL: room on each page, so rewriting a level (no indexed column changes) stays a heap-only update.
        builder.HasStorageParameter("fillfactor", 70);
        builder.HasKey(s => new { s.LocationId, s.Sku });
        builder.Property(s => s.LocationId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.Sku).HasMaxLength(SkuFormat.MaxLength);
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Ignore(s => s.Available);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.PartnerId, s.Environment, s.Sku });
        builder.HasIndex(s => new { s.Sku, s.Environment }); // shared availability reads across partners by SKU
        builder.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Catalog.Product>().WithMany().HasForeignKey(s => s.Sku).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(t => t.RequesterPartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(t => t.OwnerPartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(t => t.FromLocationId).HasMaxLength(ContractLimits.Id);
        builder.Property(t => t.ToLocationId).HasMaxLength(ContractLimits.Id);
        builder.Property(t => t.Sku).HasMaxLength(SkuFormat.MaxLength);
        builder.Property(t => t.RejectionReason).HasMaxLength(ContractLimits.RejectionReason);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.RequesterPartnerId, t.Environment, t.RequestedAt });
        builder.HasIndex(t => new { t.OwnerPartnerId, t.Environment, t.RequestedAt });
        builder.HasIndex(t => new { t.Status, t.ExpiresAt });
    }
}

internal sealed class StockImportConfiguration : IEntityTypeConfiguration<StockImport>
{
    public void Configure(EntityTypeBuilder<StockImport> builder)
    {
        builder.ToTable("stock_imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(i => i.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(i => i.Format).HasMaxLength(16);
        builder.Property(i => i.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => new { i.PartnerId, i.Environment, i.CreatedAt });
    }
}

internal sealed class StockImportChunkConfiguration : IEntityTypeConfiguration<StockImportChunk>
{
    public void Configure(EntityTypeBuilder<StockImportChunk> builder)
    {
        builder.ToTable("stock_import_chunks");
        builder.HasKey(c => new { c.ImportId, c.Index });
        builder.Property(c => c.ImportId).HasMaxLength(ContractLimits.Id);
        builder.HasOne<StockImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
