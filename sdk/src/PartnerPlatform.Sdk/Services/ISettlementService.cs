namespace PartnerPlatform.Sdk;

/// <summary>Your monthly statements: <c>client.Settlements</c>. A statement is addressed by its id (<c>stm_…</c>) or its month (<c>2026-03</c>).</summary>
public interface ISettlementService
{
    /// <summary>A statement with its lines and payouts; for a month that has not closed, the live preview (<c>Status == Open</c>).</summary>
    /// <param name="idOrMonth">The statement id (<c>stm_…</c>) or the month, <c>YYYY-MM</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StatementResponse> GetAsync(string idOrMonth, CancellationToken cancellationToken = default);

    /// <summary>Your closed statements, newest month first, across all pages.</summary>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StatementResponse> ListAutoPagingAsync(CancellationToken cancellationToken = default);

    /// <summary>The orders behind a statement: deliveries of the month, then its returns (negative amounts), across all pages.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StatementOrderResponse> ListOrdersAutoPagingAsync(string idOrMonth, CancellationToken cancellationToken = default);

    /// <summary>The statement as CSV (lines, then orders), to copy into <paramref name="destination"/>.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="destination">Where the CSV goes, e.g. a file stream.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    Task ExportAsync(string idOrMonth, Stream destination, CancellationToken cancellationToken = default);
}
