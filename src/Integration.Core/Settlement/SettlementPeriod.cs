using System.Globalization;
using Integration.Core.Common;

namespace Integration.Core.Settlement;

/// <summary>A settlement period: one calendar month in UTC (domain.md › Settlement), written <c>2026-03</c>.</summary>
public readonly record struct SettlementPeriod(int Year, int Month) : IComparable<SettlementPeriod>
{
    public const string Format = "yyyy-MM";

    public static SettlementPeriod Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new SettlementPeriod(utc.Year, utc.Month);
    }

    /// <summary>The months the platform settles: far enough on either side for any real statement, and never near <see cref="DateTime.MaxValue"/>.</summary>
    public static readonly SettlementPeriod Earliest = new(2000, 1);
    public static readonly SettlementPeriod Latest = new(2999, 12);

    public static bool TryParse(string? text, out SettlementPeriod period)
    {
        period = default;
        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || new SettlementPeriod(month.Year, month.Month) is var parsed && (parsed < Earliest || parsed > Latest))
        {
            return false;
        }
        period = parsed;
        return true;
    }

    public static SettlementPeriod Parse(string? text, string field) =>
        TryParse(text, out var period) ? period
            : throw DomainException.Invalid(field, $"'{text}' is not a month between {Earliest} and {Latest}; write it as YYYY-MM, e.g. 2026-03.");

    /// <summary>Written as a month (<c>dddd-dd</c>), whether or not it is one the platform settles.</summary>
    public static bool IsWrittenAsMonth(string? text) =>
        text is { Length: 7 } && text[4] == '-' && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The first instant of the period (inclusive).</summary>
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the period (exclusive).</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    public DateOnly LastDay => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>The first instant of the period's calendar year: cumulative net sales count from here.</summary>
    public DateTimeOffset YearStart => new(Year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool IsDecember => Month == 12;

    public SettlementPeriod Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public SettlementPeriod Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public bool HasEndedAt(DateTimeOffset now) => now >= End;

    public int CompareTo(SettlementPeriod other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(SettlementPeriod left, SettlementPeriod right) => left.CompareTo(right) < 0;
    public static bool operator >(SettlementPeriod left, SettlementPeriod right) => left.CompareTo(right) > 0;
    public static bool operator <=(SettlementPeriod left, SettlementPeriod right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SettlementPeriod left, SettlementPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:0000}-{Month:00}";
}
