using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>A promotional event; its cost a number with two decimals. <c>endedOnTime</c>: it has ended, on or before its planned end. Its ETag is <c>"v{version}"</c>.</summary>
public sealed record PromotionEventV1(
    [property: StringLength(ContractLimits.Id)] string Id,
    [property: StringLength(ContractLimits.Name)] string Name,
    [property: MaxLength(ContractLimits.OutletsPerEvent), MaxLengthEach(ContractLimits.Id)] IReadOnlyList<string> OutletIds,
    DateOnly PlannedStart, DateOnly PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd, bool EndedOnTime,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal Cost,
    [property: StringLength(ContractLimits.CurrencyCode)] string Currency,
    [property: Range(1, int.MaxValue)] int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PromotionEventV1 Of(PromotionEvent e) => new(
        e.Id, e.Name, e.OutletIds, e.PlannedStart, e.PlannedEnd, e.ActualStart, e.ActualEnd, e.EndedOnTime, e.Cost, e.Currency, e.Version, e.CreatedAt, e.UpdatedAt);
}
