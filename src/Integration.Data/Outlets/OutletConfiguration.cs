using Integration.Core.Common;
using Integration.Core.Outlets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Outlets;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> builder)
    {
        builder.ToTable("outlets");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(o => o.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(o => o.RegionCode).HasMaxLength(ContractLimits.RegionCode);
        builder.Property(o => o.AreaSquareMetres).HasPrecision(12, 2);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.PartnerId, o.Environment, o.CreatedAt, o.Id });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
