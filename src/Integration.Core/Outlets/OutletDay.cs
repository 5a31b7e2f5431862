using Integration.Core.Common;

namespace Integration.Core.Outlets;

/// <summary>
/// One outlet's reported day: how many people came in (footfall) and how many bought (conversions).
/// Reported by the partner; a second report for the same outlet and day replaces the first.
/// </summary>
public sealed class OutletDay : IPartnerOwned
{
    public required string OutletId { get; init; }
    public DateOnly Day { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public int Footfall { get; set; }
    public int Conversions { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
