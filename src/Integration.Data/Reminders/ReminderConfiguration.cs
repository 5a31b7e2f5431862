using Integration.Core.Common;
using Integration.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Reminders;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.SubjectId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Summary).HasMaxLength(300);
        builder.Property(r => r.DoneBy).HasMaxLength(ContractLimits.Email); // an API client id, or a person's e-mail
        // Makes queuing idempotent, also when two runs overlap after a lease ran out.
        builder.HasIndex(r => new { r.SubjectId, r.Kind, r.DueAt, r.Environment }).IsUnique().HasDatabaseName("ux_reminders_subject_kind_due");
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.HasIndex(r => new { r.PartnerId, r.Environment });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("job_leases");
        builder.HasKey(l => l.Job);
        builder.Property(l => l.Job).HasMaxLength(64);
        builder.Property(l => l.LeaseOwner).HasMaxLength(64);
    }
}
