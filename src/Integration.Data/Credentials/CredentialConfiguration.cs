using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Credentials;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.ToTable("credentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.Name).HasMaxLength(ContractLimits.Name);
        builder.Property(c => c.PreviousSecretHash).HasMaxLength(128);
        builder.Property(c => c.Roles).StoredAsRoleList();
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.HasIndex(c => new { c.PartnerId, c.CreatedAt });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
