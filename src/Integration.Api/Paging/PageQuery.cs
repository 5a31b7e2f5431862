using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Paging;

/// <summary>The <c>?limit=&amp;cursor=</c> pair every list accepts.</summary>
public sealed class PageQuery
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>How many items to return: 1 to 100, default 25.</summary>
    [FromQuery(Name = "limit"), Range(1, MaxLimit, ErrorMessage = "limit must be between 1 and 100.")]
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>The <c>nextCursor</c> of the previous page; omit it for the first page.</summary>
    [FromQuery(Name = "cursor"), StringLength(512)]
    public string? Cursor { get; set; }
}

/// <summary>One page of a list, with the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor);
