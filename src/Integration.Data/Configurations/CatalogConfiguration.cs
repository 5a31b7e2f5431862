using Integration.Core.Catalog;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Sku);
        builder.Property(p => p.Sku).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.ListPrice).HasColumnName("ListPriceMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
