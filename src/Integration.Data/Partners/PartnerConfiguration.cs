using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data.Agreements;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Partners;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(p => p.RegionCode).HasMaxLength(16);
        builder.Property(p => p.ParentPartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.SandboxOwnerId).HasMaxLength(ContractLimits.Id);
        builder.HasIndex(p => p.SandboxOwnerId);
        builder.Property(p => p.BusinessLicenceNumber).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.ParentPartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(p => p.Agreement, agreement =>
        {
            agreement.Property(a => a.DiscountRate).HasColumnName("DiscountRate").HasConversion<RateConverter>();
            agreement.Property(a => a.AnnualTarget).HasColumnName("AnnualTargetMinor").HasConversion<MinorUnitsConverter>();
            agreement.Property(a => a.AnnualPurchaseCommitment).HasColumnName("AnnualPurchaseCommitmentMinor").HasConversion<MinorUnitsConverter>();
            agreement.Property(a => a.VersionId).HasColumnName("AgreementVersionId").HasMaxLength(ContractLimits.Id);
            agreement.Property(a => a.PaymentTermDays).HasColumnName("PaymentTermDays");
            agreement.Property(a => a.ProfitShareBrackets).HasColumnName("ProfitShareBrackets").AsJson();
        });
        builder.Navigation(p => p.Agreement).IsRequired();

        // domain.md: at most one active exclusive agent per region — enforced by the database, so two
        // concurrent registrations cannot both succeed.
        builder.HasIndex(p => p.RegionCode)
            .HasDatabaseName("ux_partners_active_exclusive_agent_per_region")
            .IsUnique()
            .HasFilter("\"CooperationMode\" = 'exclusive_agency' AND \"Status\" = 'active'");
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
    }
}
