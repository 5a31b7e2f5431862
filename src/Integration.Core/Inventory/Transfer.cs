using Integration.Core.Common;

namespace Integration.Core.Inventory;

public enum TransferStatus
{
    Requested,
    Accepted,
    Rejected,
    Expired,
}

/// <summary>
/// A partner asks another for units from one of its shared locations. Requesting reserves them at
/// the source; accepting moves them (source on hand and reservation down, destination on hand up) in
/// one transaction; rejecting or expiry (48 hours) releases the reservation. Both partners see it.
/// </summary>
public sealed class Transfer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    public required string Id { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string RequesterPartnerId { get; init; }
    public required string OwnerPartnerId { get; init; }
    public required string FromLocationId { get; init; }
    public required string ToLocationId { get; init; }
    public required string Sku { get; init; }
    public int Quantity { get; init; }
    public TransferStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; } = 1;

    public bool Involves(string partnerId) => RequesterPartnerId == partnerId || OwnerPartnerId == partnerId;

    /// <summary>Moves a requested transfer to its outcome; anything else is 409 <c>invalid_transition</c>.</summary>
    public void Decide(TransferStatus outcome, DateTimeOffset now, string? reason = null)
    {
        if (Status != TransferStatus.Requested || outcome == TransferStatus.Requested)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"This transfer is '{SnakeCase.Of(Status)}'; only requested transfers can be {SnakeCase.Of(outcome)}.");
        }
        Status = outcome;
        RejectionReason = reason;
        DecidedAt = now;
        Version++;
    }
}
