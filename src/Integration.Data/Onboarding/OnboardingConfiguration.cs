using Integration.Core.Common;
using Integration.Core.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Onboarding;

internal sealed class PartnerApplicationConfiguration : IEntityTypeConfiguration<PartnerApplication>
{
    public void Configure(EntityTypeBuilder<PartnerApplication> builder)
    {
        builder.ToTable("partner_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(a => a.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(a => a.CompanyName).HasMaxLength(ContractLimits.Name);
        builder.Property(a => a.Channel).HasMaxLength(16);
        builder.Property(a => a.ConfirmationTokenHash).HasMaxLength(64);
        builder.Property(a => a.InformationRequested).HasMaxLength(ContractLimits.DisputeReason);
        builder.Property(a => a.ApplicantResponse).HasMaxLength(ContractLimits.DisputeReason);
        builder.Property(a => a.RejectionReason).HasMaxLength(ContractLimits.DisputeReason);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Contacts, contact => contact.ToJson());
        builder.OwnsMany(a => a.Checklist, item =>
        {
            item.ToJson();
            item.Ignore(i => i.Required);
            item.Ignore(i => i.ComputedByPlatform);
        });
        builder.Ignore(a => a.PrimaryEmail);
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PartnerId).IsUnique();
        builder.HasIndex(a => a.ConfirmationTokenHash).IsUnique();
        builder.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
    }
}

internal sealed class QualificationDocumentConfiguration : IEntityTypeConfiguration<QualificationDocument>
{
    public void Configure(EntityTypeBuilder<QualificationDocument> builder)
    {
        builder.ToTable("qualification_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.ApplicationId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.FileName).HasMaxLength(DocumentContent.MaxFileNameLength);
        builder.Property(d => d.ContentType).HasMaxLength(32);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasOne<PartnerApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ApplicationId, d.UploadedAt });
    }
}
