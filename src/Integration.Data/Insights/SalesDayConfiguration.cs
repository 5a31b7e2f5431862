using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Insights;

internal sealed class SalesDayConfiguration : IEntityTypeConfiguration<SalesDay>
{
    public void Configure(EntityTypeBuilder<SalesDay> builder)
    {
        builder.ToTable("sales_days");
        builder.HasKey(d => new { d.PartnerId, d.Environment, d.Day, d.OutletId });
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.OutletId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.Delivered).HasColumnName("DeliveredMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(d => d.Returned).HasColumnName("ReturnedMinor").HasConversion<MinorUnitsConverter>();
    }
}

internal sealed class SalesMonthConfiguration : IEntityTypeConfiguration<SalesMonth>
{
    public void Configure(EntityTypeBuilder<SalesMonth> builder)
    {
        builder.ToTable("sales_months");
        builder.HasKey(m => new { m.PartnerId, m.Environment, m.Month });
        builder.Property(m => m.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(m => m.Delivered).HasColumnName("DeliveredMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(m => m.Returned).HasColumnName("ReturnedMinor").HasConversion<MinorUnitsConverter>();
        // Brand-wide: every partner's months of a period.
        builder.HasIndex(m => new { m.Environment, m.Month });
    }
}

internal sealed class SkuSalesDayConfiguration : IEntityTypeConfiguration<SkuSalesDay>
{
    public void Configure(EntityTypeBuilder<SkuSalesDay> builder)
    {
        builder.ToTable("sku_sales_days");
        builder.HasKey(d => new { d.PartnerId, d.Environment, d.Day, d.Sku });
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.Sku).HasMaxLength(SkuFormat.MaxLength);
        builder.Property(d => d.Delivered).HasColumnName("DeliveredMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(d => d.Returned).HasColumnName("ReturnedMinor").HasConversion<MinorUnitsConverter>();
    }
}

internal sealed class CustomerDayConfiguration : IEntityTypeConfiguration<CustomerDay>
{
    public void Configure(EntityTypeBuilder<CustomerDay> builder)
    {
        builder.ToTable("customer_days");
        builder.HasKey(d => new { d.PartnerId, d.Environment, d.CustomerId, d.Day });
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.CustomerId).HasMaxLength(ContractLimits.Id);
        // The period's customers first, then each one's history up to the period's end.
        builder.HasIndex(d => new { d.PartnerId, d.Environment, d.Day });
    }
}
