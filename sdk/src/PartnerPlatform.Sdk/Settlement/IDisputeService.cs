namespace PartnerPlatform.Sdk.Settlement;

/// <summary>Disputes of orders and statement lines: <c>client.Disputes</c>.</summary>
public interface IDisputeService
{
    /// <summary>Disputes an order or a statement line; the amount sets the level (a level-3 dispute freezes your account until resolved). Safe to retry.</summary>
    /// <param name="request">The order or statement line, the amount (a <see cref="decimal"/>, at most two decimals: sent exactly, a third decimal is refused by the platform, never rounded) and the reason.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<DisputeResponse> OpenAsync(OpenDisputeRequestV2 request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A dispute with its status and history.</summary>
    /// <param name="id">The dispute id (<c>dsp_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<DisputeResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Your disputes, newest first, across all pages.</summary>
    /// <param name="status">Only disputes in this status; all when null.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<DisputeResponse> ListAutoPagingAsync(DisputeStatus? status = null, RequestOptions? options = null, CancellationToken cancellationToken = default);
}
