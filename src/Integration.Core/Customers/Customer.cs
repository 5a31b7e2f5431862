using Integration.Core.Common;

namespace Integration.Core.Customers;

/// <summary>
/// One of a partner's end customers, synced through the customer (CRM) channel and addressed by the partner's
/// own id (domain.md › Customers). Orders keep <see cref="Id"/>, so an erased customer's purchases still count.
/// </summary>
public sealed class Customer : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The partner's own id for the customer; cleared when the customer is erased.</summary>
    public string? ExternalId { get; set; }

    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
}
