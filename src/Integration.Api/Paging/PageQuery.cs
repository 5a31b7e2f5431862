using System.ComponentModel.DataAnnotations;
using Integration.Application.Paging;
using Integration.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Paging;

/// <summary>The <c>?limit=&amp;cursor=</c> pair every list accepts.</summary>
public sealed class PageQuery
{
    public const int DefaultLimit = PageRequest.DefaultLimit;

    /// <summary>How many items to return: 1 to 100, default 25.</summary>
    [FromQuery(Name = "limit"), Range(1, ContractLimits.PageSize, ErrorMessage = "limit must be between 1 and 100.")]
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>The <c>nextCursor</c> of the previous page; omit it for the first page.</summary>
    [FromQuery(Name = "cursor"), StringLength(ContractLimits.Cursor)]
    public string? Cursor { get; set; }

    public static implicit operator PageRequest(PageQuery query) => new() { Limit = query.Limit, Cursor = query.Cursor };
}

/// <summary>One page of a list, with the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(
    [property: MaxLength(ContractLimits.PageSize)] IReadOnlyList<T> Data, [property: StringLength(ContractLimits.Cursor)] string? NextCursor);
