using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>
/// One (location, SKU) pair of a partner as it stood at 00:00 of <see cref="Day"/> on its environment's clock, and
/// the units it received during the day before (adjustments with reason <c>received</c> and accepted transfers in).
/// </summary>
public sealed class StockSnapshot : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public DateOnly Day { get; init; }
    public required string LocationId { get; init; }
    public required string Sku { get; init; }
    public int OnHand { get; init; }
    public int Available { get; init; }

    /// <summary>Units received from the previous day's 00:00 until this day's 00:00.</summary>
    public int ReceivedDayBefore { get; init; }
}
