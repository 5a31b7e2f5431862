using Integration.Core.Common;
using Integration.Core.RequestLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.RequestLog;

internal sealed class LoggedRequestConfiguration : IEntityTypeConfiguration<LoggedRequest>
{
    public void Configure(EntityTypeBuilder<LoggedRequest> builder)
    {
        builder.ToTable("request_log");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.Method).HasMaxLength(10);
        builder.Property(r => r.Path).HasMaxLength(LoggedRequest.MaxPathLength);
        builder.Property(r => r.RequestId).HasMaxLength(100);
        builder.Property(r => r.ClientId).HasMaxLength(ContractLimits.Id);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(LoggedRequest.MaxIdempotencyKeyLength);
        builder.Property(r => r.ProblemCode).HasMaxLength(100);
        builder.Property(r => r.UserAgent).HasMaxLength(LoggedRequest.MaxUserAgentLength);
        builder.HasIndex(r => new { r.PartnerId, r.Environment, r.At, r.Id });
        builder.HasIndex(r => r.At);
    }
}
