using System.Runtime.CompilerServices;

namespace PartnerPlatform.Sdk;

/// <summary>Walks a cursor-paged list to its end, one page request at a time, as you iterate.</summary>
internal static class AutoPaging
{
    public static async IAsyncEnumerable<TItem> ListAsync<TItem>(
        Func<string?, CancellationToken, Task<(IReadOnlyList<TItem> Data, string? NextCursor)>> fetchPage,
        string? startCursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = startCursor;
        do
        {
            var (data, next) = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in data)
            {
                yield return item;
            }
            cursor = next;
        }
        while (cursor is not null);
    }
}
