namespace Integration.Application.Customers;

/// <summary>
/// What became of one row of a bulk upsert, by its index in <c>rows</c>: <c>created</c> or <c>updated</c> (with the
/// customer's id and version), or <c>rejected</c> with the fields at fault and why. Values are never echoed.
/// </summary>
public sealed record BulkCustomerResult(int Index, string Status, string? Id, int? Version, IReadOnlyList<BulkCustomerError>? Errors)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Rejected = "rejected";
}
