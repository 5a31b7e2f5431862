namespace PartnerPlatform.Sdk.Transfers;

/// <summary>Stock transfers between partners: <c>client.Transfers</c>.</summary>
public interface ITransferService
{
    /// <summary>Requests units from another partner's shared location to one of yours; they are reserved at once. Safe to retry.</summary>
    /// <param name="request">Source, destination, SKU, quantity.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<TransferResponse> RequestAsync(CreateTransferRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a transfer you are a side of.</summary>
    /// <param name="id">The transfer id (<c>trf_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<TransferResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Your transfers, newest first: <c>Incoming</c> (asking for your stock), <c>Outgoing</c> (yours), or both.</summary>
    /// <param name="direction">Which side; both when null.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<TransferResponse> ListAutoPagingAsync(TransferDirection? direction = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Accepts a transfer asking for your stock; the units move.</summary>
    /// <param name="id">The transfer id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<TransferResponse> AcceptAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Rejects a transfer asking for your stock; the reservation is released.</summary>
    /// <param name="id">The transfer id.</param>
    /// <param name="reason">Shown to the requester.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<TransferResponse> RejectAsync(string id, string? reason = null, RequestOptions? options = null, CancellationToken cancellationToken = default);
}
