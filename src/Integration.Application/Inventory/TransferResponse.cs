using Integration.Core.Inventory;

namespace Integration.Application.Inventory;

/// <summary>A transfer, as both sides see it.</summary>
public sealed record TransferResponse(
    string Id, string FromLocationId, string ToLocationId, string Sku, int Quantity, TransferStatus Status, string? RejectionReason,
    DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, DateTimeOffset? DecidedAt)
{
    public static TransferResponse Of(Transfer t) =>
        new(t.Id, t.FromLocationId, t.ToLocationId, t.Sku, t.Quantity, t.Status, t.RejectionReason, t.RequestedAt, t.ExpiresAt, t.DecidedAt);
}
