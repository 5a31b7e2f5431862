using Integration.Core.Common;
using Integration.Core.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Events;

internal sealed class PartnerEventConfiguration : IEntityTypeConfiguration<PartnerEvent>
{
    public void Configure(EntityTypeBuilder<PartnerEvent> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.SubjectId).HasMaxLength(ContractLimits.Id);
        builder.HasIndex(e => new { e.PartnerId, e.Environment, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class EventStreamConfiguration : IEntityTypeConfiguration<EventStream>
{
    public const string Table = "event_streams";

    public void Configure(EntityTypeBuilder<EventStream> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(s => new { s.PartnerId, s.Environment });
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
    }
}
