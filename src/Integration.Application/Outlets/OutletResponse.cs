using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>One of your outlets. <c>status</c> is as of today on this environment's clock. Its ETag is <c>"v{version}"</c>.</summary>
public sealed record OutletResponse(
    [property: StringLength(ContractLimits.Id)] string Id,
    [property: StringLength(ContractLimits.Name)] string Name,
    [property: StringLength(ContractLimits.RegionCode)] string RegionCode,
    OutletType Type,
    [property: Range(0, ContractLimits.OutletArea)] decimal? AreaSquareMetres,
    DateOnly OpenedOn,
    DateOnly? ClosedOn,
    OutletStatus Status,
    [property: Range(1, int.MaxValue)] int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OutletResponse Of(Outlet o, DateOnly today) =>
        new(o.Id, o.Name, o.RegionCode, o.Type, o.AreaSquareMetres, o.OpenedOn, o.ClosedOn, o.StatusOn(today), o.Version, o.CreatedAt, o.UpdatedAt);
}
