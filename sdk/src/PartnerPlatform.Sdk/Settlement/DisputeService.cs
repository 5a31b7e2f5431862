using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Settlement;

/// <inheritdoc cref="IDisputeService" />
public sealed class DisputeService : IDisputeService
{
    private readonly DisputesClient _api;

    internal DisputeService(HttpClient http) => _api = new DisputesClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<DisputeResponse> OpenAsync(OpenDisputeRequestV2 request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.OpenDisputeAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<DisputeResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetDisputeAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<DisputeResponse> ListAutoPagingAsync(DisputeStatus? status = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<DisputeResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListDisputesAsync(status, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);
}
