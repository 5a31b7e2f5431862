namespace PartnerPlatform.Sdk;

/// <summary>Per-call settings.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The Idempotency-Key for a POST. Leave it empty and the SDK makes one (a UUID) and reuses it
    /// across this call's retries; set it to your own to make a retry of your own (after a crash, say) safe.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    internal string KeyOrNew() => string.IsNullOrEmpty(IdempotencyKey) ? Guid.NewGuid().ToString() : IdempotencyKey;
}

/// <summary>Filters and paging for listing orders.</summary>
public sealed class OrderListOptions
{
    /// <summary>Only orders in this status.</summary>
    public OrderStatus? Status { get; set; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; set; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; set; }

    /// <summary>Changed at or after.</summary>
    public DateTimeOffset? UpdatedSince { get; set; }

    /// <summary>Your reference, exactly.</summary>
    public string? Reference { get; set; }

    /// <summary>Items per page, 1–100 (default 25).</summary>
    public int? Limit { get; set; }

    /// <summary>Where to start: a <c>nextCursor</c> from an earlier page.</summary>
    public string? Cursor { get; set; }
}

/// <summary>Paging for the other lists.</summary>
public sealed class ListOptions
{
    /// <summary>Items per page, 1–100 (default 25).</summary>
    public int? Limit { get; set; }

    /// <summary>Where to start: a <c>nextCursor</c> from an earlier page.</summary>
    public string? Cursor { get; set; }
}
