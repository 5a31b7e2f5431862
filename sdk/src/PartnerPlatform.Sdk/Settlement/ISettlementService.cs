namespace PartnerPlatform.Sdk.Settlement;

/// <summary>Your monthly statements: <c>client.Settlements</c>. A statement is addressed by its id (<c>stm_…</c>) or its month (<c>2026-03</c>).</summary>
public interface ISettlementService
{
    /// <summary>A statement with its lines and payouts; for a month that has not closed, the live preview (<c>Status == Open</c>).</summary>
    /// <param name="idOrMonth">The statement id (<c>stm_…</c>) or the month, <c>YYYY-MM</c>.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StatementResponse> GetAsync(string idOrMonth, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Your closed statements, newest month first, across all pages.</summary>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StatementResponse> ListAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The orders behind a statement: deliveries of the month, then its returns (negative amounts), across all pages.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StatementOrderResponse> ListOrdersAutoPagingAsync(string idOrMonth, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The statement as CSV (lines, then orders), to copy into <paramref name="destination"/>.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="destination">Where the CSV goes, e.g. a file stream.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    Task ExportAsync(string idOrMonth, Stream destination, RequestOptions? options = null, CancellationToken cancellationToken = default);
}
