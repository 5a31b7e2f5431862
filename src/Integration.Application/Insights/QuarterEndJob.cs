using Integration.Application.Hosting;
using Integration.Application.Ratings;
using Integration.Core.Common;
using Integration.Core.Insights;
using Microsoft.Extensions.Options;

namespace Integration.Application.Insights;

/// <summary>
/// After each quarter's end on the environment's clock: publishes every partner's performance grade for the quarter and,
/// in live, makes its credit rating proposal; also puts accepted rating changes in force once their month starts.
/// Running it again changes nothing (one grade and one proposal per partner and quarter).
/// </summary>
public sealed class QuarterEndJob(
    IServiceScopeFactory scopes, JobLeases leases, TimeProvider platform, IOptions<InsightsOptions> options, ILogger<QuarterEndJob> logger)
    : PartnerJob(scopes, leases, platform, logger)
{
    protected override string JobName => "quarter_end";

    protected override JobSchedule Schedule => options.Value.Schedule;

    protected override async Task<int> RunForPartnerAsync(PartnerWork work, CancellationToken cancellationToken)
    {
        var ended = KpiPeriod.Containing(KpiPeriodKind.Quarter, work.Today).Previous;
        var done = 0;
        var grades = work.Services.GetRequiredService<GradeBook>();
        if (!await grades.IsPublishedAsync(work.PartnerId, work.Environment, ended, cancellationToken)
            && await grades.PublishAsync(work.PartnerId, work.Environment, ended, work.Now, cancellationToken) is not null)
        {
            done++;
        }
        if (work.Environment == ApiEnvironment.Live)
        {
            var ratings = work.Services.GetRequiredService<RatingProposals>();
            done += await ratings.ApplyDueAsync(work.PartnerId, work.Today, cancellationToken);
            done += await ratings.ProposeAsync(work.PartnerId, ended, cancellationToken) is null ? 0 : 1;
        }
        return done;
    }
}
