using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Settlement;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data.Settlement;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ToTable("statements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.Period).HasMaxLength(7);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.DeliveredTotal).HasColumnName("DeliveredTotalMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.ReturnedTotal).HasColumnName("ReturnedTotalMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.NetSalesEarlierInYear).HasColumnName("NetSalesEarlierInYearMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.Balance).HasColumnName("BalanceMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.HeldAmount).HasColumnName("HeldAmountMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.AmountReceived).HasColumnName("AmountReceivedMinor").HasConversion<MinorUnitsConverter>();
        builder.Ignore(s => s.NetSales);
        builder.Ignore(s => s.AmountDue);
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.Lines, line =>
        {
            line.ToTable("statement_lines");
            line.WithOwner().HasForeignKey("StatementId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).HasMaxLength(ContractLimits.Id);
            line.Property(l => l.Amount).HasColumnName("AmountMinor").HasConversion<MinorUnitsConverter>();
            line.Property(l => l.Description).HasMaxLength(300);
            line.Property(l => l.SourceId).HasMaxLength(ContractLimits.Id);
            line.Ignore(l => l.IsBasedOnOrders);
        });
        builder.Navigation(s => s.Lines).AutoInclude();

        // One statement per partner, environment and month: closing twice, or on two instances at once, cannot make a second.
        builder.HasIndex(s => new { s.PartnerId, s.Environment, s.Period }).IsUnique().HasDatabaseName("ux_statements_partner_period");
        builder.HasIndex(s => new { s.Environment, s.Period });
    }
}

internal sealed class PeriodCloseConfiguration : IEntityTypeConfiguration<PeriodClose>
{
    public void Configure(EntityTypeBuilder<PeriodClose> builder)
    {
        builder.ToTable("period_closes");
        builder.HasKey(p => new { p.Environment, p.Period });
        builder.Property(p => p.Period).HasMaxLength(7);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.JournalId).HasMaxLength(100);
        builder.Property(e => e.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(e => e.Account).HasMaxLength(40);
        builder.Property(e => e.Memo).HasMaxLength(200);
        builder.Property(e => e.Debit).HasColumnName("DebitMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(e => e.Credit).HasColumnName("CreditMinor").HasConversion<MinorUnitsConverter>();
        builder.HasIndex(e => new { e.Environment, e.Account });
        builder.HasIndex(e => e.JournalId);
    }
}

internal sealed class ActivitySubsidyConfiguration : IEntityTypeConfiguration<ActivitySubsidy>
{
    public void Configure(EntityTypeBuilder<ActivitySubsidy> builder)
    {
        builder.ToTable("activity_subsidies");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(s => s.EventName).HasMaxLength(200);
        builder.Property(s => s.ApprovedBy).HasMaxLength(100);
        builder.Property(s => s.Cost).HasColumnName("CostMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(s => s.Subsidy).HasColumnName("SubsidyMinor").HasConversion<MinorUnitsConverter>();
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PartnerId, s.Environment, s.ApprovedAt });
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("payouts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.StatementId).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.DisputeId).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(100);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Amount).HasColumnName("AmountMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(p => p.LeaseOwner).HasMaxLength(64);
        builder.Property(p => p.GatewayPayoutId).HasMaxLength(100);
        builder.Property(p => p.LastError).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Statement>().WithMany().HasForeignKey(p => p.StatementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.IdempotencyKey).IsUnique();
        builder.HasIndex(p => new { p.Status, p.NextAttemptAt });
        builder.HasIndex(p => p.StatementId);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.OrderId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.StatementId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.StatementLineId).HasMaxLength(ContractLimits.Id);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.Resolution).HasMaxLength(1000);
        builder.Property(d => d.Amount).HasColumnName("AmountMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(d => d.Adjustment).HasColumnName("AdjustmentMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(d => d.ProposedAdjustment).HasColumnName("ProposedAdjustmentMinor").HasConversion<MinorUnitsConverter>();
        builder.Property(d => d.ProposedNote).HasMaxLength(1000);
        builder.Property(d => d.ProposedBy).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.FreezesAccount);
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.History, entry =>
        {
            entry.ToTable("dispute_history");
            entry.WithOwner().HasForeignKey("DisputeId");
            entry.HasKey("DisputeId", nameof(DisputeHistoryEntry.Number));
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.Note).HasMaxLength(1200);
        });
        builder.Navigation(d => d.History).AutoInclude();
        builder.HasIndex(d => new { d.PartnerId, d.Environment, d.OpenedAt, d.Id });
        builder.HasIndex(d => new { d.PartnerId, d.Environment, d.Status, d.Level });
        builder.HasIndex(d => new { d.Status, d.ResolvedAt });
    }
}
