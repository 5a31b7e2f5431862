namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="IWebhookService" />
public sealed class WebhookService : IWebhookService
{
    private readonly WebhooksClient _api;

    internal WebhookService(HttpClient http) => _api = new WebhooksClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<WebhookWithSecretResponse> CreateAsync(CreateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.CreateWebhookAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetWebhookAsync(id, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<WebhookResponse> ListAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhooksAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> UpdateAsync(string id, UpdateWebhookRequest request, CancellationToken cancellationToken = default) =>
        _api.UpdateWebhookAsync(id, request, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => _api.DeleteWebhookAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookWithSecretResponse> RotateSecretAsync(string id, int? overlapHours = null, CancellationToken cancellationToken = default) =>
        _api.RotateWebhookSecretAsync(id, Guid.NewGuid().ToString(), new RotateWebhookSecretRequest { OverlapHours = overlapHours }, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookResponse> ReplayAsync(string id, ReplayWebhookRequest request, CancellationToken cancellationToken = default) =>
        _api.ReplayWebhookAsync(id, Guid.NewGuid().ToString(), request, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookDeliveryResponse> SendTestAsync(string id, CancellationToken cancellationToken = default) => _api.SendWebhookTestAsync(id, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<WebhookDeliveryResponse> ListDeliveriesAutoPagingAsync(string id, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookDeliveryResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhookDeliveriesAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);
}
