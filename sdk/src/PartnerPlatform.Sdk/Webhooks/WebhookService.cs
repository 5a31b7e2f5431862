using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Webhooks;

/// <inheritdoc cref="IWebhookService" />
public sealed class WebhookService : IWebhookService
{
    private readonly WebhooksClient _api;

    internal WebhookService(HttpClient http) => _api = new WebhooksClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<WebhookWithSecretResponse> CreateAsync(CreateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.CreateWebhookAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetWebhookAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<WebhookResponse> ListAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhooksAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> UpdateAsync(string id, UpdateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.UpdateWebhookAsync(id, request, ct), cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.DeleteWebhookAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<WebhookWithSecretResponse> RotateSecretAsync(string id, int? overlapHours = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.RotateWebhookSecretAsync(id, RequestOptions.KeyOrNew(options), new RotateWebhookSecretRequest { OverlapHours = overlapHours }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> ReplayAsync(string id, ReplayWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.ReplayWebhookAsync(id, RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<WebhookDeliveryResponse> SendTestAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SendWebhookTestAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<WebhookDeliveryResponse> ListDeliveriesAutoPagingAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookDeliveryResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhookDeliveriesAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);
}
