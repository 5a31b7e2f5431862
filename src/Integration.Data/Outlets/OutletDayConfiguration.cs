using Integration.Core.Common;
using Integration.Core.Outlets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Outlets;

internal sealed class OutletDayConfiguration : IEntityTypeConfiguration<OutletDay>
{
    public void Configure(EntityTypeBuilder<OutletDay> builder)
    {
        builder.ToTable("outlet_days", table => table.HasCheckConstraint("ck_outlet_days_counts", "\"Footfall\" >= 0 AND \"Conversions\" >= 0"));
        builder.HasKey(d => new { d.OutletId, d.Day });
        builder.Property(d => d.OutletId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.HasIndex(d => new { d.PartnerId, d.Environment, d.Day });
        builder.HasOne<Outlet>().WithMany().HasForeignKey(d => d.OutletId).OnDelete(DeleteBehavior.Restrict);
    }
}
