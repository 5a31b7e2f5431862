using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Integration.Api.Paging;

public static class PageResults
{
    /// <summary>Cuts one extra fetched item into a page and its next cursor, and sets the <c>Link: rel="next"</c> header.</summary>
    public static Page<TOut> ToPage<TIn, TOut>(
        this IReadOnlyList<TIn> fetchedOneExtra, PageQuery query, HttpContext context,
        Func<TIn, string> cursorOf, Func<TIn, TOut> map)
    {
        var hasMore = fetchedOneExtra.Count > query.Limit;
        var items = fetchedOneExtra.Take(query.Limit).ToList();
        var next = hasMore ? cursorOf(items[^1]) : null;
        if (next is not null)
        {
            var request = context.Request;
            var parameters = QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(p => p.Key != "cursor")
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("cursor", next));
            var url = QueryHelpers.AddQueryString(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path), parameters);
            context.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
        }
        return new Page<TOut>(items.Select(map).ToList(), next);
    }
}
