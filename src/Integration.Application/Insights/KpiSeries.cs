using Integration.Core.Common;
using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>A partner's KPIs period by period, from one period to another (both included), at most 36 months.</summary>
public sealed class KpiSeries(KpiReader reader)
{
    public const int MaxMonths = 36;

    public async Task<IReadOnlyList<PartnerKpis>> ForPartnerAsync(
        string partnerId, ApiEnvironment environment, KpiPeriod from, KpiPeriod to, KpiPeriodKind granularity, CancellationToken cancellationToken)
    {
        var first = KpiPeriod.Containing(granularity, from.Start);
        var last = KpiPeriod.Containing(granularity, to.End.AddDays(-1));
        if (last.End <= first.Start || to.End <= from.Start)
        {
            throw new DomainException(ErrorKind.Unprocessable, "period_range_reversed", $"to ({to}) is before from ({from}).");
        }
        var months = (last.End.Year - first.Start.Year) * 12 + last.End.Month - first.Start.Month;
        if (months > MaxMonths)
        {
            throw new DomainException(ErrorKind.Unprocessable, "period_range_too_long",
                $"A series covers at most {MaxMonths} months; {first} to {last} by {SnakeCase.Of(granularity)} is {months}.");
        }
        reader.EnsureStarted(last);
        var periods = new List<PartnerKpis>();
        for (var period = first; period.Start < last.End; period = period.Next)
        {
            periods.Add(await reader.ForPartnerAsync(partnerId, environment, period, cancellationToken));
        }
        return periods;
    }
}
