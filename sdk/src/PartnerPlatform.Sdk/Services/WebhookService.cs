namespace PartnerPlatform.Sdk;

/// <summary>Your webhook subscriptions: <c>client.Webhooks</c>. Verify deliveries with <see cref="Webhook.ConstructEvent"/>.</summary>
public sealed class WebhookService
{
    private readonly WebhooksClient _api;

    internal WebhookService(HttpClient http) => _api = new WebhooksClient(http) { ReadResponseAsString = true };

    /// <summary>Subscribes a URL to event types. The answer carries the signing secret, once: store it.</summary>
    /// <param name="request">URL, event types, description.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookWithSecretResponse> CreateAsync(CreateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.CreateWebhookAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <summary>Reads a subscription.</summary>
    /// <param name="id">The subscription id (<c>whk_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookResponse> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetWebhookAsync(id, cancellationToken);

    /// <summary>Every subscription, newest first.</summary>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<WebhookResponse> ListAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhooksAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>Changes the fields you set (URL, event types, description, status).</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookResponse> UpdateAsync(string id, UpdateWebhookRequest request, CancellationToken cancellationToken = default) =>
        _api.UpdateWebhookAsync(id, request, cancellationToken);

    /// <summary>Deletes the subscription and its delivery log.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => _api.DeleteWebhookAsync(id, cancellationToken);

    /// <summary>A new signing secret (shown once); the old one keeps signing during the overlap.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="overlapHours">0–168; default 24.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookWithSecretResponse> RotateSecretAsync(string id, int? overlapHours = null, CancellationToken cancellationToken = default) =>
        _api.RotateWebhookSecretAsync(id, Guid.NewGuid().ToString(), new RotateWebhookSecretRequest { OverlapHours = overlapHours }, cancellationToken);

    /// <summary>Delivers again, in order, from a sequence number or a time on.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="request"><c>FromSequence</c> or <c>Since</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookResponse> ReplayAsync(string id, ReplayWebhookRequest request, CancellationToken cancellationToken = default) =>
        _api.ReplayWebhookAsync(id, Guid.NewGuid().ToString(), request, cancellationToken);

    /// <summary>Posts a signed <c>webhook.test</c> event now and returns the attempt's outcome.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<WebhookDeliveryResponse> SendTestAsync(string id, CancellationToken cancellationToken = default) => _api.SendWebhookTestAsync(id, cancellationToken);

    /// <summary>The delivery log, newest attempt first.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<WebhookDeliveryResponse> ListDeliveriesAutoPagingAsync(string id, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<WebhookDeliveryResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListWebhookDeliveriesAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);
}
