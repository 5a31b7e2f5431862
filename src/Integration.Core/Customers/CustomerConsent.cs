using Integration.Core.Common;

namespace Integration.Core.Customers;

/// <summary>
/// One grant or withdrawal of a consent, as the partner reported it: when the customer gave it and where
/// (<see cref="Source"/>). Entries are only added, so the history stays; the latest <see cref="GivenAt"/> per
/// purpose is the consent in force. Erasure removes a customer's entries.
/// </summary>
public sealed class CustomerConsent : IPartnerOwned
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public ConsentPurpose Purpose { get; init; }
    public bool Granted { get; init; }

    /// <summary>When the customer granted or withdrew it.</summary>
    public DateTimeOffset GivenAt { get; init; }

    /// <summary>Where: a form, a store, a channel (<c>pos:store-12</c>, <c>web_signup</c>).</summary>
    public required string Source { get; init; }

    /// <summary>When the platform learnt of it.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Says the same as the statement given: a resent consent adds no entry.</summary>
    public bool Says(ConsentPurpose purpose, bool granted, DateTimeOffset givenAt, string source) =>
        Purpose == purpose && Granted == granted && GivenAt == givenAt && Source == source;
}
