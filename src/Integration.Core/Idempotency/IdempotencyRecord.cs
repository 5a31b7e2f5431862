using Integration.Core.Common;

namespace Integration.Core.Idempotency;

/// <summary>
/// The first request made with an Idempotency-Key and, once it completed, its response — replayed
/// for every retry with the same key (api-guidelines.md › Idempotency).
/// </summary>
public sealed class IdempotencyRecord : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public bool Completed { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseBody { get; set; }
    public string? ResponseLocation { get; set; }
    public string? ResponseETag { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Until when the first request owns the key; after it a crashed request's claim can be taken over.</summary>
    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset ExpiresAt { get; init; }
}
