using Integration.Core.Common;
using Integration.Core.Idempotency;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.PartnerId, r.Environment, r.Key });
        builder.Property(r => r.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Key).HasMaxLength(ContractLimits.IdempotencyKey);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResponseLocation).HasMaxLength(500);
        builder.Property(r => r.ResponseETag).HasMaxLength(64);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
