using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Webhooks;

/// <inheritdoc cref="IEventService" />
public sealed class EventService : IEventService
{
    private readonly EventsClient _api;

    internal EventService(HttpClient http) => _api = new EventsClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<EventResponsePage> ListAsync(IEnumerable<string>? types = null, ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(requestOptions, ct => _api.ListEventsAsync(options?.Limit, options?.Cursor, types?.ToList(), ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventResponse> ListAutoPagingAsync(IEnumerable<string>? types = null, ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var typeList = types?.ToList();
        return AutoPaging.ListAsync<EventResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListEventsAsync(options?.Limit, cursor, typeList, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, requestOptions, cancellationToken);
    }
}
