namespace PartnerPlatform.Sdk;

/// <summary>Your monthly statements: <c>client.Settlements</c>. A statement is addressed by its id (<c>stm_…</c>) or its month (<c>2026-03</c>).</summary>
public sealed class SettlementService
{
    private readonly SettlementsClient _api;
    private readonly HttpClient _http;

    internal SettlementService(HttpClient http)
    {
        _http = http;
        _api = new SettlementsClient(http) { ReadResponseAsString = true };
    }

    /// <summary>A statement with its lines and payouts; for a month that has not closed, the live preview (<c>Status == Open</c>).</summary>
    /// <param name="idOrMonth">The statement id (<c>stm_…</c>) or the month, <c>YYYY-MM</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StatementResponse> GetAsync(string idOrMonth, CancellationToken cancellationToken = default) => _api.GetSettlementAsync(idOrMonth, cancellationToken);

    /// <summary>Your closed statements, newest month first, across all pages.</summary>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<StatementResponse> ListAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StatementResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSettlementsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>The orders behind a statement: deliveries of the month, then its returns (negative amounts), across all pages.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<StatementOrderResponse> ListOrdersAutoPagingAsync(string idOrMonth, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StatementOrderResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSettlementOrdersAsync(idOrMonth, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>The statement as CSV (lines, then orders), to copy into <paramref name="destination"/>.</summary>
    /// <param name="idOrMonth">The statement id or month.</param>
    /// <param name="destination">Where the CSV goes, e.g. a file stream.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    public async Task ExportAsync(string idOrMonth, Stream destination, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"v2/settlements/{Uri.EscapeDataString(idOrMonth)}/export", HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Disputes of orders and statement lines: <c>client.Disputes</c>.</summary>
public sealed class DisputeService
{
    private readonly DisputesClient _api;

    internal DisputeService(HttpClient http) => _api = new DisputesClient(http) { ReadResponseAsString = true };

    /// <summary>Disputes an order or a statement line; the amount sets the level (a level-3 dispute freezes your account until resolved). Safe to retry.</summary>
    /// <param name="request">The order or statement line, the amount (a decimal string such as <c>"10.50"</c>) and the reason.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<DisputeResponse> OpenAsync(OpenDisputeRequestV2 request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.OpenDisputeAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <summary>A dispute with its status and history.</summary>
    /// <param name="id">The dispute id (<c>dsp_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<DisputeResponse> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetDisputeAsync(id, cancellationToken);

    /// <summary>Your disputes, newest first, across all pages.</summary>
    /// <param name="status">Only disputes in this status; all when null.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<DisputeResponse> ListAutoPagingAsync(DisputeStatus? status = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<DisputeResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListDisputesAsync(status, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);
}
