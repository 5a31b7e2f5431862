using System.Runtime.CompilerServices;

namespace PartnerPlatform.Sdk;

/// <summary>Walks a cursor-paged list to its end, one page request at a time (each with the caller's options), as you iterate.</summary>
internal static class AutoPaging
{
    public static async IAsyncEnumerable<TItem> ListAsync<TItem>(
        Func<string?, CancellationToken, Task<(IReadOnlyList<TItem> Data, string? NextCursor)>> fetchPage,
        string? startCursor,
        RequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = startCursor;
        do
        {
            var (data, next) = await Http.Call.SendAsync(options, ct => fetchPage(cursor, ct), cancellationToken).ConfigureAwait(false);
            foreach (var item in data)
            {
                yield return item;
            }
            cursor = next;
        }
        while (cursor is not null);
    }
}
