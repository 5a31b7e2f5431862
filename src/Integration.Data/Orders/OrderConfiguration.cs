using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.Reference).HasMaxLength(ContractLimits.Reference);
        builder.Property(o => o.Currency).HasMaxLength(ContractLimits.CurrencyCode);
        builder.Property(o => o.DiscountRate).HasConversion<RateConverter>();
        builder.Property(o => o.Total).HasColumnName("TotalMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(o => o.Carrier).HasMaxLength(ContractLimits.Carrier);
        builder.Property(o => o.TrackingNumber).HasMaxLength(ContractLimits.TrackingNumber);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.OutletId).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.CustomerId).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.CustomerExternalId).HasMaxLength(ContractLimits.CustomerExternalId);
        // No foreign keys to outlets and customers: SQLite cannot add one to an existing table without rebuilding it
        // (orders is the largest table); OrderBook checks both are the partner's own, and neither is ever deleted.
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("order_lines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(OrderLine.LineNumber));
            line.Property(l => l.Sku).HasMaxLength(SkuFormat.MaxLength);
            line.Property(l => l.Name).HasMaxLength(ContractLimits.Name);
            line.Property(l => l.ListPrice).HasColumnName("ListPriceMinor").HasConversion<MinorUnitsConverter>();
            line.Property(l => l.UnitPrice).HasColumnName("UnitPriceMinor").HasConversion<MinorUnitsConverter>();
            line.Property(l => l.LineTotal).HasColumnName("LineTotalMinor").HasConversion<MinorUnitsConverter>();
            line.Ignore(l => l.Discount);
        });
        builder.Navigation(o => o.Lines).AutoInclude();
        builder.OwnsOne(o => o.ShipTo, address =>
        {
            address.Property(a => a.Name).HasColumnName("ShipToName").HasMaxLength(ContractLimits.Name);
            address.Property(a => a.Line1).HasColumnName("ShipToLine1").HasMaxLength(ContractLimits.Name);
            address.Property(a => a.Line2).HasColumnName("ShipToLine2").HasMaxLength(ContractLimits.Name);
            address.Property(a => a.City).HasColumnName("ShipToCity").HasMaxLength(ContractLimits.City);
            address.Property(a => a.RegionCode).HasColumnName("ShipToRegionCode").HasMaxLength(16);
            address.Property(a => a.PostalCode).HasColumnName("ShipToPostalCode").HasMaxLength(ContractLimits.PostalCode);
            address.Property(a => a.Country).HasColumnName("ShipToCountry").HasMaxLength(ContractLimits.CountryCode);
            address.Property(a => a.Phone).HasColumnName("ShipToPhone").HasMaxLength(ContractLimits.Phone);
        });

        // A partner's own reference is unique per partner and environment (domain.md › Orders).
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.Reference }).IsUnique().HasDatabaseName("ux_orders_partner_reference");
        // Keyset paging, newest first, for each partner's list.
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.CreatedAt, o.Id });
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.UpdatedAt });
        // The internal list across partners, newest first, and finding an order by a partner's reference.
        builder.HasIndex(o => new { o.CreatedAt, o.Id });
        builder.HasIndex(o => o.Reference);
        // Settlement: a partner's orders delivered, and returned, in a month.
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.DeliveredAt });
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.ReturnedAt });
        // The sandbox clock's keyset reads of due steps (DueSteps): confirmed orders by when they were confirmed, shipped ones by when they shipped.
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.Status, o.ConfirmedAt, o.Id });
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.Status, o.ShippedAt, o.Id });
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> builder)
    {
        builder.ToTable("order_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.OrderId).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OrderId, e.OrderVersion }).IsUnique();
    }
}
