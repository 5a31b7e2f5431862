namespace PartnerPlatform.Sdk.Webhooks;

/// <summary>Your event log: <c>client.Events</c>.</summary>
public interface IEventService
{
    /// <summary>One page of your events, oldest first.</summary>
    /// <param name="types">Only these event types (e.g. <c>order.created</c>); all when empty.</param>
    /// <param name="options">Paging.</param>
    /// <param name="requestOptions">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<EventResponsePage> ListAsync(IEnumerable<string>? types = null, ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every event after <c>options.Cursor</c> (or from the start), in sequence order. Keep the last
    /// page's cursor (or the last <c>sequence</c>) to resume later.
    /// </summary>
    /// <param name="types">Only these event types; all when empty.</param>
    /// <param name="options">Where to start, and the page size.</param>
    /// <param name="requestOptions">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<EventResponse> ListAutoPagingAsync(IEnumerable<string>? types = null, ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
