using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Webhooks;

namespace Integration.Api.Webhooks;

/// <summary>Webhook subscriptions: signed, ordered, retried deliveries of your events (docs/webhooks.md).</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/webhooks")]
[PartnerAccess(ApiScopes.WebhooksManage)]
public sealed class WebhooksController(WebhookSubscriptions webhooks, TimeProvider clock) : ControllerBase
{
    /// <summary>Subscribes a URL to event types. The response shows the signing secret, once.</summary>
    [HttpPost(Name = "CreateWebhook")]
    [Idempotent(required: false, protectResponse: true)]
    [ProblemResponses(409, 422)]
    [ProducesResponseType<WebhookWithSecretResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var (subscription, secret) = await webhooks.CreateAsync(HttpContext.RequirePartnerCaller(), request, cancellationToken);
        return Created(Url.Link("GetWebhook", new { id = subscription.Id, version = RouteData.Values["version"] }),
            new WebhookWithSecretResponse(WebhookResponse.Of(subscription, clock.GetUtcNow()), secret));
    }

    /// <summary>Lists your subscriptions in this environment, newest first.</summary>
    [HttpGet(Name = "ListWebhooks")]
    public async Task<Page<WebhookResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await webhooks.ListAsync(page, cancellationToken)).ToPage(page, HttpContext, WebhookSubscriptions.CursorOf, s => WebhookResponse.Of(s, clock.GetUtcNow()));

    [HttpGet("{id}", Name = "GetWebhook")]
    public async Task<WebhookResponse> Get(string id, CancellationToken cancellationToken) =>
        WebhookResponse.Of(await webhooks.GetAsync(id, cancellationToken), clock.GetUtcNow());

    /// <summary>Changes the URL, event types, description, or status (<c>enabled</c> resumes a disabled subscription).</summary>
    [HttpPatch("{id}", Name = "UpdateWebhook")]
    [ProblemResponses(422)]
    public async Task<WebhookResponse> Update(string id, UpdateWebhookRequest request, CancellationToken cancellationToken) =>
        WebhookResponse.Of(await webhooks.UpdateAsync(id, request, cancellationToken), clock.GetUtcNow());

    /// <summary>Deletes the subscription and its delivery log.</summary>
    [HttpDelete("{id}", Name = "DeleteWebhook")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        await webhooks.DeleteAsync(id, cancellationToken);
        return NoContent();
    }

    /// <summary>Issues a new signing secret (shown once); the old one keeps signing too during the overlap (default 24 h).</summary>
    [HttpPost("{id}/rotate-secret", Name = "RotateWebhookSecret")]
    [Idempotent(required: false, protectResponse: true)]
    public async Task<WebhookWithSecretResponse> RotateSecret(string id, RotateWebhookSecretRequest? request, CancellationToken cancellationToken)
    {
        var (subscription, secret) = await webhooks.RotateSecretAsync(id, request ?? new RotateWebhookSecretRequest(), cancellationToken);
        return new WebhookWithSecretResponse(WebhookResponse.Of(subscription, clock.GetUtcNow()), secret);
    }

    /// <summary>Delivers again, in order, every event from a sequence number or a time on.</summary>
    [HttpPost("{id}/replay", Name = "ReplayWebhook")]
    [Idempotent(required: false)]
    [ProblemResponses(422)]
    public async Task<WebhookResponse> Replay(string id, ReplayWebhookRequest request, CancellationToken cancellationToken) =>
        WebhookResponse.Of(await webhooks.ReplayAsync(id, request, cancellationToken), clock.GetUtcNow());

    /// <summary>Posts a signed <c>webhook.test</c> event to the URL now and answers with the attempt's outcome.</summary>
    [HttpPost("{id}/test", Name = "SendWebhookTest")]
    public async Task<WebhookDeliveryResponse> Test(string id, CancellationToken cancellationToken) =>
        WebhookDeliveryResponse.Of(await webhooks.SendTestAsync(id, cancellationToken));

    /// <summary>The delivery log, newest attempt first: status code, latency, attempt number, error.</summary>
    [HttpGet("{id}/deliveries", Name = "ListWebhookDeliveries")]
    public async Task<Page<WebhookDeliveryResponse>> Deliveries(string id, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await webhooks.DeliveriesAsync(id, page, cancellationToken)).ToPage(page, HttpContext, WebhookSubscriptions.CursorOf, WebhookDeliveryResponse.Of);
}
