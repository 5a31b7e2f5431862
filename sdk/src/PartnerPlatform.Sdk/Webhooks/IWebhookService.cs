namespace PartnerPlatform.Sdk.Webhooks;

/// <summary>Your webhook subscriptions: <c>client.Webhooks</c>. Verify deliveries with <see cref="Webhook.ConstructEvent"/>.</summary>
public interface IWebhookService
{
    /// <summary>Subscribes a URL to event types. The answer carries the signing secret, once: store it.</summary>
    /// <param name="request">URL, event types, description.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookWithSecretResponse> CreateAsync(CreateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a subscription.</summary>
    /// <param name="id">The subscription id (<c>whk_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookResponse> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every subscription, newest first.</summary>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<WebhookResponse> ListAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the fields you set (URL, event types, description, status).</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookResponse> UpdateAsync(string id, UpdateWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the subscription and its delivery log.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task DeleteAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A new signing secret (shown once); the old one keeps signing during the overlap.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="overlapHours">0–168; default 24.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookWithSecretResponse> RotateSecretAsync(string id, int? overlapHours = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Delivers again, in order, from a sequence number or a time on.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="request"><c>FromSequence</c> or <c>Since</c>.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookResponse> ReplayAsync(string id, ReplayWebhookRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Posts a signed <c>webhook.test</c> event now and returns the attempt's outcome.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<WebhookDeliveryResponse> SendTestAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The delivery log, newest attempt first.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<WebhookDeliveryResponse> ListDeliveriesAutoPagingAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);
}
