namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="ITransferService" />
public sealed class TransferService : ITransferService
{
    private readonly TransfersClient _api;

    internal TransferService(HttpClient http) => _api = new TransfersClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<TransferResponse> RequestAsync(CreateTransferRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.RequestTransferAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetTransferAsync(id, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<TransferResponse> ListAutoPagingAsync(TransferDirection? direction = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<TransferResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListTransfersAsync(direction, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> AcceptAsync(string id, CancellationToken cancellationToken = default) => _api.AcceptTransferAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<TransferResponse> RejectAsync(string id, string? reason = null, CancellationToken cancellationToken = default) =>
        _api.RejectTransferAsync(id, new RejectTransferRequest { Reason = reason }, cancellationToken);
}
