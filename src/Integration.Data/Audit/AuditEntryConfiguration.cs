using Integration.Core.Audit;
using Integration.Core.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Target).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(32);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.KeyId).HasMaxLength(40);
        builder.HasIndex(e => e.Id).IsUnique();
        // A second writer that read the same tail cannot fork the chain.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("audit_checkpoints");
        // One fact per sequence: a second instance checkpointing the same head finds the first one's row.
        builder.HasKey(c => c.Sequence);
        ConfigureSignedHead(builder);
    }

    internal static void ConfigureSignedHead<T>(EntityTypeBuilder<T> builder) where T : SignedChainHead
    {
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.HeadHash).HasMaxLength(64);
        builder.Property(c => c.KeyId).HasMaxLength(40);
        builder.Property(c => c.Mac).HasMaxLength(64);
    }
}

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> builder)
    {
        builder.ToTable("audit_anchors");
        builder.HasKey(a => a.Sequence);
        AuditCheckpointConfiguration.ConfigureSignedHead(builder);
    }
}
