using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Credentials;

internal sealed class LiveCredentialRequestConfiguration : IEntityTypeConfiguration<LiveCredentialRequest>
{
    public void Configure(EntityTypeBuilder<LiveCredentialRequest> builder)
    {
        builder.ToTable("live_credential_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(r => r.Reason).HasMaxLength(ContractLimits.Description);
        builder.Property(r => r.DecisionNote).HasMaxLength(ContractLimits.Description);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.CredentialId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
