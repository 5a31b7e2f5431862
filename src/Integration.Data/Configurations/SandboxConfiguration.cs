using Integration.Core.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Configurations;

internal sealed class SandboxWorldConfiguration : IEntityTypeConfiguration<SandboxWorld>
{
    public void Configure(EntityTypeBuilder<SandboxWorld> builder)
    {
        builder.ToTable("sandbox_worlds");
        builder.HasKey(w => w.PartnerId);
        builder.Property(w => w.PartnerId).HasMaxLength(40);
        // Whole milliseconds, the precision every stored time has: exact on both databases.
        builder.Property(w => w.ClockOffset).HasConversion(v => (long)v.TotalMilliseconds, v => TimeSpan.FromMilliseconds(v)).HasColumnName("ClockOffsetMs");
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => w.LastUsedAt);
    }
}

internal sealed class SandboxSnapshotConfiguration : IEntityTypeConfiguration<SandboxSnapshot>
{
    public void Configure(EntityTypeBuilder<SandboxSnapshot> builder)
    {
        builder.ToTable("sandbox_snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(40);
        builder.Property(s => s.PartnerId).HasMaxLength(40);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.ClockOffset).HasConversion(v => (long)v.TotalMilliseconds, v => TimeSpan.FromMilliseconds(v)).HasColumnName("ClockOffsetMs");
        builder.Ignore(s => s.ClockAt);
        builder.HasIndex(s => new { s.PartnerId, s.CreatedAt });
    }
}
