using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>What a bulk call did: how many rows were accepted and rejected, and each row's outcome in the order sent.</summary>
public sealed record BulkResultResponse(
    [property: Range(0, ContractLimits.Items)] int Accepted,
    [property: Range(0, ContractLimits.Items)] int Rejected,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<BulkRowResult> Rows)
{
    public static BulkResultResponse Of(IReadOnlyList<BulkRowResult> rows) =>
        new(rows.Count(r => r.Status == BulkRowStatus.Accepted), rows.Count(r => r.Status == BulkRowStatus.Rejected), rows);
}
