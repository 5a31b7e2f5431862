namespace PartnerPlatform.Sdk.Orders;

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
