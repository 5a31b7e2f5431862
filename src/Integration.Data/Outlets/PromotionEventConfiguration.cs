using Integration.Core.Common;
using Integration.Core.Outlets;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Outlets;

internal sealed class PromotionEventConfiguration : IEntityTypeConfiguration<PromotionEvent>
{
    public void Configure(EntityTypeBuilder<PromotionEvent> builder)
    {
        builder.ToTable("promotion_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(e => e.Cost).HasColumnName("CostMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(e => e.Currency).HasMaxLength(ContractLimits.CurrencyCode);
        builder.Ignore(e => e.EndedOnTime);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.PartnerId, e.Environment, e.ActualEnd });
        builder.HasIndex(e => new { e.PartnerId, e.Environment, e.CreatedAt, e.Id });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
