using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Insights;

internal sealed class PerformanceGradeConfiguration : IEntityTypeConfiguration<PerformanceGrade>
{
    public void Configure(EntityTypeBuilder<PerformanceGrade> builder)
    {
        builder.ToTable("performance_grades");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(g => g.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(g => g.Quarter).HasMaxLength(7);
        builder.Property(g => g.MonthlyFootfallPerOutlet).HasConversion<RateConverter>();
        builder.Property(g => g.ConversionRate).HasConversion<RateConverter>();
        builder.Property(g => g.RepurchaseRate).HasConversion<RateConverter>();
        builder.HasIndex(g => new { g.PartnerId, g.Environment, g.Quarter }).IsUnique().HasDatabaseName("ux_performance_grades_partner_quarter");
    }
}
