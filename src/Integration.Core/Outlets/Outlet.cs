using Integration.Core.Common;

namespace Integration.Core.Outlets;

/// <summary>
/// A partner's point of sale (domain.md › Partner insights): orders and activity reports may name one, and the
/// outlets open at the end of a period are the "outlets covered".
/// </summary>
public sealed class Outlet : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }

    /// <summary>The city-level region code the outlet is in; distinct codes are the "regions covered".</summary>
    public required string RegionCode { get; set; }

    public OutletType Type { get; set; }
    public decimal? AreaSquareMetres { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Open on <paramref name="day"/>: opened on or before it, and not closed on or before it.</summary>
    public bool IsOpenOn(DateOnly day) => OpenedOn <= day && (ClosedOn is not { } closed || closed > day);

    public OutletStatus StatusOn(DateOnly day) =>
        IsOpenOn(day) ? OutletStatus.Open : OpenedOn > day ? OutletStatus.NotYetOpen : OutletStatus.Closed;
}
