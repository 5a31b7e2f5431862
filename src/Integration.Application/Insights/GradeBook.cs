using Integration.Application.Events;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Insights;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Insights;

/// <summary>
/// Quarterly performance grades: decided at a quarter's end from its figures against the targets of the partner's
/// cooperation mode (<see cref="InsightsOptions.Grades"/>), published to the partner (<c>partner.grade_published</c>) and kept.
/// </summary>
public sealed class GradeBook(IntegrationDbContext db, KpiReader kpis, EventLog events, IOptions<InsightsOptions> options)
{
    /// <summary>Grades the partner for an ended quarter once; grading it again gives the published grade. Null when the partner did not exist then.</summary>
    public async Task<PerformanceGrade?> PublishAsync(string partnerId, ApiEnvironment environment, KpiPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = quarter.ToString();
        if (await Grades(partnerId, environment).FirstOrDefaultAsync(g => g.Quarter == name, cancellationToken) is { } published)
        {
            return published;
        }
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        if (partner.CreatedAt >= quarter.EndsAt)
        {
            return null;
        }
        var figures = GradeInputs.Of(await kpis.ForPartnerAsync(partnerId, environment, quarter, cancellationToken));
        var targets = options.Value.GradeTargetsFor(partner.CooperationMode);
        var grade = new PerformanceGrade
        {
            Id = Ids.New("grd"), PartnerId = partnerId, Environment = environment, Quarter = name,
            Grade = Grading.GradeOf(figures, targets.A.ToThresholds(), targets.B.ToThresholds()), CooperationMode = partner.CooperationMode,
            MonthlyFootfallPerOutlet = figures.MonthlyFootfallPerOutlet, ConversionRate = figures.ConversionRate, RepurchaseRate = figures.RepurchaseRate,
            PublishedAt = now,
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.PerformanceGrades.Add(grade);
        events.Append(partnerId, environment, EventTypes.PartnerGradePublished, grade.Id, new
        {
            gradeId = grade.Id, quarter = name, grade = grade.Grade.ToString(), monthlyFootfallPerOutlet = grade.MonthlyFootfallPerOutlet,
            conversionRate = grade.ConversionRate, repurchaseRate = grade.RepurchaseRate,
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_performance_grades_partner_quarter", "performance_grades.PartnerId"))
        {
            db.ChangeTracker.Clear();
            return await Grades(partnerId, environment).FirstAsync(g => g.Quarter == name, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return grade;
    }

    public Task<bool> IsPublishedAsync(string partnerId, ApiEnvironment environment, KpiPeriod quarter, CancellationToken cancellationToken)
    {
        var name = quarter.ToString();
        return Grades(partnerId, environment).AnyAsync(g => g.Quarter == name, cancellationToken);
    }

    /// <summary>A partner's grades, newest quarter first.</summary>
    public async Task<IReadOnlyList<PerformanceGrade>> HistoryAsync(string partnerId, ApiEnvironment environment, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Grades(partnerId, environment);
        if (page.Cursor is not null)
        {
            var before = Cursor.Decode(page.Cursor, 1)[0];
            query = query.Where(g => string.Compare(g.Quarter, before) < 0);
        }
        return await query.OrderByDescending(g => g.Quarter).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(PerformanceGrade grade) => Cursor.Encode(grade.Quarter);

    private IQueryable<PerformanceGrade> Grades(string partnerId, ApiEnvironment environment) =>
        db.Visible<PerformanceGrade>().AsNoTracking().Where(g => g.PartnerId == partnerId && g.Environment == environment);
}
