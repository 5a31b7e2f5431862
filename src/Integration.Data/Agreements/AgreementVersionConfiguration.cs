using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Agreements;

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("agreement_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(v => v.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(v => v.CreatedBy).HasMaxLength(ContractLimits.Name);
        builder.HasOne<Partner>().WithMany().HasForeignKey(v => v.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.IsFullySigned);
        builder.OwnsOne(v => v.Terms, terms =>
        {
            terms.Property(t => t.CooperationMode).HasColumnName("CooperationMode");
            terms.Property(t => t.Tier).HasColumnName("Tier");
            terms.Property(t => t.DiscountRate).HasColumnName("DiscountRate").HasConversion<RateConverter>();
            terms.Property(t => t.AnnualTarget).HasColumnName("AnnualTargetMinor").HasConversion<MinorUnitsConverter>();
            terms.Property(t => t.AnnualPurchaseCommitment).HasColumnName("AnnualPurchaseCommitmentMinor").HasConversion<MinorUnitsConverter>();
            terms.Property(t => t.TermMonths).HasColumnName("TermMonths");
            terms.Property(t => t.ExclusiveRegion).HasColumnName("ExclusiveRegion").HasMaxLength(ContractLimits.RegionCode);
            terms.Property(t => t.PaymentTermDays).HasColumnName("PaymentTermDays");
            terms.Property(t => t.ProfitShareBrackets).HasColumnName("ProfitShareBrackets").AsJson();
            terms.Property(t => t.EffectiveFrom).HasColumnName("EffectiveFrom");
            terms.Ignore(t => t.EffectiveTo);
        });
        builder.Navigation(v => v.Terms).IsRequired();
        builder.OwnsMany(v => v.Signatures, signature =>
        {
            signature.ToTable("agreement_signatures");
            signature.WithOwner().HasForeignKey("VersionId");
            signature.HasKey(s => s.Id);
            signature.Property(s => s.Id).HasMaxLength(ContractLimits.Id);
            signature.Property(s => s.SignerName).HasMaxLength(ContractLimits.Name);
            signature.Property(s => s.SignerRole).HasMaxLength(ContractLimits.Name);
            signature.Property(s => s.DocumentSha256).HasMaxLength(64);
            signature.Property(s => s.RecordedBy).HasMaxLength(ContractLimits.Name);
            // One signature per document and side: two instances recording the same side at once cannot both succeed.
            signature.HasIndex("VersionId", nameof(AgreementSignature.Document), nameof(AgreementSignature.Side)).IsUnique();
        });
        builder.Navigation(v => v.Signatures).AutoInclude();

        // Version numbers are unique per partner: two rounds drafted at once cannot both be number 3.
        builder.HasIndex(v => new { v.PartnerId, v.Number }).IsUnique().HasDatabaseName("ux_agreement_versions_partner_number");
    }
}
