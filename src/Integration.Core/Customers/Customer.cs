using Integration.Core.Common;

namespace Integration.Core.Customers;

/// <summary>
/// One of a partner's end customers, synced through the customer (CRM) channel and addressed by the partner's
/// own id (domain.md › Customers). Orders keep <see cref="Id"/>, so an erased customer's purchases still count.
/// The personal data is held only encrypted (<c>Protected…</c>: DataProtection ciphertext, one per field).
/// </summary>
public sealed class Customer : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The partner's own id for the customer; cleared when the customer is erased.</summary>
    public string? ExternalId { get; set; }

    public string? ProtectedName { get; set; }
    public string? ProtectedPhone { get; set; }
    public string? ProtectedEmail { get; set; }

    /// <summary>The whole address (line, city, region, postal code, country) as one ciphertext.</summary>
    public string? ProtectedAddress { get; set; }

    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Forgets the person for good: the ciphertext and the partner's id go; the row stays for the orders that name it.</summary>
    public void Erase(DateTimeOffset now)
    {
        ExternalId = null;
        ProtectedName = ProtectedPhone = ProtectedEmail = ProtectedAddress = null;
        ErasedAt = now;
        UpdatedAt = now;
        Version++;
    }
}
