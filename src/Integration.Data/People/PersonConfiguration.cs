using Integration.Core.Credentials;
using Microsoft.AspNetCore.Identity;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.People;

/// <summary>People and what Identity keeps for them (their TOTP key and recovery codes are user tokens).</summary>
internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.UserName).HasMaxLength(256);
        builder.Property(p => p.NormalizedUserName).HasMaxLength(256);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(256);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.NormalizedUserName).IsUnique();
        builder.HasIndex(p => p.NormalizedEmail);
        builder.Property(p => p.Roles).StoredAsRoleList();
        builder.Property(p => p.PartnerId).HasMaxLength(40);
        builder.Property(p => p.PartnerRole).HasMaxLength(20);
        builder.HasIndex(p => p.PartnerId); // no foreign key: adding one rebuilds the table on SQLite (partners are never deleted)
        builder.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        builder.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        builder.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
    }
}

internal sealed class PersonClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder)
    {
        builder.ToTable("person_claims");
        builder.HasKey(c => c.Id);
    }
}

internal sealed class PersonLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.ToTable("person_logins");
        builder.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        builder.Property(l => l.LoginProvider).HasMaxLength(128);
        builder.Property(l => l.ProviderKey).HasMaxLength(128);
    }
}

internal sealed class PersonTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        builder.ToTable("person_tokens");
        builder.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        builder.Property(t => t.LoginProvider).HasMaxLength(128);
        builder.Property(t => t.Name).HasMaxLength(128);
    }
}
