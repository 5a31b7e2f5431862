namespace PartnerPlatform.Sdk;

/// <summary>Paging for the other lists.</summary>
public sealed class ListOptions
{
    /// <summary>Items per page, 1–100 (default 25).</summary>
    public int? Limit { get; set; }

    /// <summary>Where to start: a <c>nextCursor</c> from an earlier page.</summary>
    public string? Cursor { get; set; }
}
