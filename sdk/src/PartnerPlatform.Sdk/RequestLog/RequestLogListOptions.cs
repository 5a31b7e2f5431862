namespace PartnerPlatform.Sdk.RequestLog;

/// <summary>Filters and paging for reading your request log.</summary>
public sealed class RequestLogListOptions
{
    /// <summary>An exact status (<c>"422"</c>) or a class (<c>"4xx"</c>).</summary>
    public string? Status { get; set; }

    /// <summary>A path prefix, e.g. <c>/v2/orders</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Calls at or after.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Calls before.</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Calls made with this credential (client id).</summary>
    public string? ClientId { get; set; }

    /// <summary>Items per page, 1–100 (default 25).</summary>
    public int? Limit { get; set; }

    /// <summary>Where to start: a <c>nextCursor</c> from an earlier page.</summary>
    public string? Cursor { get; set; }
}
