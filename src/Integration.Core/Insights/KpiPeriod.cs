using System.Globalization;
using System.Text.RegularExpressions;

namespace Integration.Core.Insights;

/// <summary>
/// A calendar month (<c>2026-03</c>), quarter (<c>2026-Q1</c>) or year (<c>2026</c>), UTC (domain.md › Partner
/// insights). <see cref="Start"/> is the first day, <see cref="End"/> the first day after it.
/// </summary>
public sealed partial record KpiPeriod(KpiPeriodKind Kind, DateOnly Start)
{
    public const string Pattern = @"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$";
    public const string Format = "yyyy-MM (month), yyyy-Qn (quarter) or yyyy (year)";

    public DateOnly End => Kind switch
    {
        KpiPeriodKind.Month => Start.AddMonths(1),
        KpiPeriodKind.Quarter => Start.AddMonths(3),
        _ => Start.AddYears(1),
    };

    public DateTimeOffset StartsAt => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public DateTimeOffset EndsAt => new(End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The period just before, of the same kind (March → February, Q1 → last year's Q4).</summary>
    public KpiPeriod Previous => this with { Start = Kind switch
    {
        KpiPeriodKind.Month => Start.AddMonths(-1),
        KpiPeriodKind.Quarter => Start.AddMonths(-3),
        _ => Start.AddYears(-1),
    } };

    public KpiPeriod Next => this with { Start = End };

    /// <summary>The same period one year earlier.</summary>
    public KpiPeriod YearEarlier => this with { Start = Start.AddYears(-1) };

    public static KpiPeriod Month(int year, int month) => new(KpiPeriodKind.Month, new DateOnly(year, month, 1));
    public static KpiPeriod Quarter(int year, int quarter) => new(KpiPeriodKind.Quarter, new DateOnly(year, (quarter - 1) * 3 + 1, 1));
    public static KpiPeriod Year(int year) => new(KpiPeriodKind.Year, new DateOnly(year, 1, 1));

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static KpiPeriod Containing(KpiPeriodKind kind, DateOnly day) => kind switch
    {
        KpiPeriodKind.Month => Month(day.Year, day.Month),
        KpiPeriodKind.Quarter => Quarter(day.Year, (day.Month - 1) / 3 + 1),
        _ => Year(day.Year),
    };

    public static bool TryParse(string? text, out KpiPeriod period)
    {
        period = Year(1);
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }
        period = text.Length == 4 ? Year(year)
            : text[5] == 'Q' ? Quarter(year, text[6] - '0')
            : Month(year, int.Parse(text[5..], CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Within the years the insights answer for, 2000 to 2999: a period's neighbours stay well inside the calendar.</summary>
    public bool IsSupported => Start.Year is >= 2000 and <= 2999;

    public override string ToString() => Kind switch
    {
        KpiPeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        KpiPeriodKind.Quarter => $"{Start.Year:D4}-Q{(Start.Month - 1) / 3 + 1}",
        _ => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
