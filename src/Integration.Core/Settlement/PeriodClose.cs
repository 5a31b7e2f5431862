using Integration.Core.Common;

namespace Integration.Core.Settlement;

/// <summary>Marks a month closed for every partner in one environment, so the scheduled close moves on.</summary>
public sealed class PeriodClose
{
    public ApiEnvironment Environment { get; init; }
    public required string Period { get; init; }
    public DateTimeOffset ClosedAt { get; init; }
    public int Statements { get; init; }
}
