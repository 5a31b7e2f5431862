using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Transfers;

/// <inheritdoc cref="ITransferService" />
public sealed class TransferService : ITransferService
{
    private readonly TransfersClient _api;

    internal TransferService(HttpClient http) => _api = new TransfersClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<TransferResponse> RequestAsync(CreateTransferRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.RequestTransferAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetTransferAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<TransferResponse> ListAutoPagingAsync(TransferDirection? direction = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<TransferResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListTransfersAsync(direction, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> AcceptAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.AcceptTransferAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> RejectAsync(string id, string? reason = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.RejectTransferAsync(id, new RejectTransferRequest { Reason = reason }, ct), cancellationToken);
}
