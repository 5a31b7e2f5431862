using System.ComponentModel.DataAnnotations;
using Integration.Application.Inventory;
using Integration.Core.Common;

namespace Integration.Api.Inventory;

/// <summary>Up to 5,000 rows, applied together or not at all.</summary>
public sealed record BulkStockRequest
{
    [MinLength(1)]
    [MaxLength(ContractLimits.BulkStockRows)]
    // Rows (and their count) are checked by BulkStockRows (all bad rows named at once, and cheaper than MVC's validation of 5,000 objects).
    [Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
    public required IReadOnlyList<BulkStockRow> Rows { get; init; }
}
