using System.ComponentModel.DataAnnotations;
using Integration.Core.Catalog;
using Integration.Core.Common;

namespace Integration.Application.Inventory;

/// <summary>A request for units from another partner's shared location to one of yours.</summary>
public sealed record CreateTransferRequest
{
    /// <summary>Another partner's location that shares this SKU with you.</summary>
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string FromLocationId { get; init; }

    /// <summary>One of your locations.</summary>
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string ToLocationId { get; init; }

    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    [Range(1, ContractLimits.TransferQuantity)]
    public required int Quantity { get; init; }
}
