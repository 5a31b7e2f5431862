using Integration.Core.Common;
using Integration.Core.Sandbox;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Sandbox;

internal sealed class SandboxWorldConfiguration : IEntityTypeConfiguration<SandboxWorld>
{
    public void Configure(EntityTypeBuilder<SandboxWorld> builder)
    {
        builder.ToTable("sandbox_worlds");
        builder.HasKey(w => w.PartnerId);
        builder.Property(w => w.PartnerId).HasMaxLength(ContractLimits.Id);
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
        builder.Property(s => s.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.ClockOffset).HasConversion(v => (long)v.TotalMilliseconds, v => TimeSpan.FromMilliseconds(v)).HasColumnName("ClockOffsetMs");
        builder.Ignore(s => s.ClockAt);
        builder.HasIndex(s => new { s.PartnerId, s.CreatedAt });
    }
}

internal sealed class SimulatorCallConfiguration : IEntityTypeConfiguration<SimulatorCall>
{
    public void Configure(EntityTypeBuilder<SimulatorCall> builder)
    {
        builder.ToTable("sandbox_simulator_calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.Simulator).HasMaxLength(20);
        builder.Property(c => c.Method).HasMaxLength(10);
        builder.Property(c => c.Path).HasMaxLength(500);
        builder.Property(c => c.Mode).HasMaxLength(30);
        builder.Property(c => c.RequestBody).HasMaxLength(SimulatorCall.MaxBodyLength);
        builder.Property(c => c.ResponseBody).HasMaxLength(SimulatorCall.MaxBodyLength);
        builder.HasIndex(c => new { c.PartnerId, c.Simulator, c.At, c.Id });
        builder.HasIndex(c => c.At);
    }
}

internal sealed class ClockAdvanceConfiguration : IEntityTypeConfiguration<ClockAdvance>
{
    public void Configure(EntityTypeBuilder<ClockAdvance> builder)
    {
        builder.ToTable("sandbox_clock_advances");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(a => a.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(a => a.FailureCode).HasMaxLength(64);
        builder.Property(a => a.FailureDetail).HasMaxLength(2_000);
        builder.Property(a => a.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(a => new { a.PartnerId, a.Status });
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
    }
}
