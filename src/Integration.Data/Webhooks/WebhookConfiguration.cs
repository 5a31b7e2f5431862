using Integration.Core.Common;
using Integration.Core.Webhooks;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.Url).HasMaxLength(2048);
        builder.Property(s => s.Description).HasMaxLength(500);
        builder.Property(s => s.DisabledReason).HasMaxLength(500);
        builder.Property(s => s.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(s => new { s.PartnerId, s.Environment, s.CreatedAt });
        builder.HasIndex(s => new { s.Status, s.NextAttemptAt });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.SubscriptionId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.EventId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(500);
        builder.HasIndex(d => new { d.SubscriptionId, d.Id });
        builder.HasIndex(d => d.AttemptedAt);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
