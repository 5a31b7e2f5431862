using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Settlement;

/// <inheritdoc cref="ISettlementService" />
public sealed class SettlementService : ISettlementService
{
    private readonly SettlementsClient _api;
    private readonly HttpClient _http;

    internal SettlementService(HttpClient http)
    {
        _http = http;
        _api = new SettlementsClient(http) { ReadResponseAsString = true };
    }

    /// <inheritdoc />
    public Task<StatementResponse> GetAsync(string idOrMonth, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetSettlementAsync(idOrMonth, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StatementResponse> ListAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StatementResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSettlementsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StatementOrderResponse> ListOrdersAutoPagingAsync(string idOrMonth, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StatementOrderResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSettlementOrdersAsync(idOrMonth, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public async Task ExportAsync(string idOrMonth, Stream destination, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await Call.SendAsync(options, ct => _http.GetAsync($"v2/settlements/{Uri.EscapeDataString(idOrMonth)}/export", HttpCompletionOption.ResponseHeadersRead, ct), cancellationToken)
            .ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
