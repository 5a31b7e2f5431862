using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>
/// One row's outcome, in the order sent. Accepted: <c>id</c> names what it created, if it created something with an id.
/// Rejected: <c>code</c> (as in docs/errors.md), the <c>field</c> at fault and the <c>reason</c>.
/// </summary>
/// <param name="Status">Accepted or rejected.</param>
/// <param name="Index">The row's place in the request, from 0.</param>
/// <param name="Id">What the row created (a promotional event's <c>pev_…</c>); absent for reports, and for rejected rows.</param>
/// <param name="Code">Why the row was rejected, as a stable code; absent when accepted.</param>
/// <param name="Field">The field at fault, e.g. <c>reports[3].conversions</c>; absent when accepted.</param>
/// <param name="Reason">What is wrong with the row, for a person to read; absent when accepted.</param>
public sealed record BulkRowResult(
    [property: Range(0, ContractLimits.Items)] int Index,
    BulkRowStatus Status,
    [property: StringLength(ContractLimits.Id)] string? Id,
    [property: StringLength(ContractLimits.Token)] string? Code,
    [property: StringLength(ContractLimits.Text)] string? Field,
    [property: StringLength(ContractLimits.Text)] string? Reason)
{
    public static BulkRowResult Accepted(int index, string? id = null) => new(index, BulkRowStatus.Accepted, id, null, null, null);

    public static BulkRowResult Rejected(int index, RowRefusal refusal) => new(index, BulkRowStatus.Rejected, null, refusal.Code, refusal.Field, refusal.Reason);
}
