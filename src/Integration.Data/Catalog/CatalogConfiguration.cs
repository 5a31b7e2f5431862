using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Sku);
        builder.Property(p => p.Sku).HasMaxLength(SkuFormat.MaxLength);
        builder.Property(p => p.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(p => p.ListPrice).HasColumnName("ListPriceMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(p => p.Currency).HasMaxLength(ContractLimits.CurrencyCode);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
