namespace PartnerPlatform.Sdk.RequestLog;

/// <summary>Your request log: every call your credentials made in this environment in the last 30 days, <c>client.RequestLog</c>.</summary>
public interface IRequestLogService
{
    /// <summary>One page of your calls, newest first.</summary>
    /// <param name="options">Filters and paging.</param>
    /// <param name="requestOptions">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<LoggedRequestResponsePage> ListAsync(RequestLogListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Every call matching <paramref name="options"/>, newest first, page after page.</summary>
    /// <param name="options">Filters, where to start and the page size.</param>
    /// <param name="requestOptions">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<LoggedRequestResponse> ListAutoPagingAsync(RequestLogListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One entry of your request log.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="requestOptions">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<LoggedRequestResponse> GetAsync(string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
