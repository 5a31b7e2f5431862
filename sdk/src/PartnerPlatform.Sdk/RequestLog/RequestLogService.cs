using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.RequestLog;

/// <inheritdoc cref="IRequestLogService" />
public sealed class RequestLogService : IRequestLogService
{
    private readonly RequestLogClient _api;

    internal RequestLogService(HttpClient http) => _api = new RequestLogClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<LoggedRequestResponsePage> ListAsync(RequestLogListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new RequestLogListOptions();
        return Call.SendAsync(requestOptions, ct => _api.ListRequestLogAsync(o.Limit, o.Cursor, o.Status, o.Path, o.Since, o.Until, o.ClientId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LoggedRequestResponse> ListAutoPagingAsync(RequestLogListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new RequestLogListOptions();
        return AutoPaging.ListAsync<LoggedRequestResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListRequestLogAsync(o.Limit, cursor, o.Status, o.Path, o.Since, o.Until, o.ClientId, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, o.Cursor, requestOptions, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LoggedRequestResponse> GetAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(requestOptions, ct => _api.GetRequestLogEntryAsync(id, ct), cancellationToken);
}
