using Integration.Application.Events;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Webhooks;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>
/// A partner's webhook subscriptions: create, change, rotate the secret, replay, read the delivery
/// log, send a test event. Reads go through the tenancy filter, so another partner's subscription is 404.
/// </summary>
public sealed class WebhookSubscriptions(
    IntegrationDbContext db, WebhookTargets targets, WebhookSecrets secrets, WebhookSender sender, WebhookPayloads payloads,
    IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<(WebhookSubscription Subscription, string Secret)> CreateAsync(Caller caller, CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var url = await targets.ValidateAsync(request.Url, cancellationToken);
        var types = EventLog.ParseTypes(request.EventTypes, "eventTypes");
        if (await db.WebhookSubscriptions.CountAsync(cancellationToken) >= options.Value.MaxSubscriptionsPerPartner)
        {
            throw new DomainException(ErrorKind.Conflict, "webhook_limit_reached",
                $"An environment holds at most {options.Value.MaxSubscriptionsPerPartner} subscriptions; delete one first.");
        }
        var now = clock.GetUtcNow();
        var (secret, protectedSecret) = secrets.New();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        // A new subscription receives what happens from now on; replay reaches back into the log.
        var position = await db.EventStreams.Where(s => s.PartnerId == caller.PartnerId && s.Environment == caller.Environment)
            .Select(s => s.LastSequence).FirstOrDefaultAsync(cancellationToken);
        var subscription = new WebhookSubscription
        {
            Id = Ids.New("whk"), PartnerId = caller.PartnerId!, Environment = caller.Environment!.Value, Url = url, EventTypes = [.. types],
            Description = request.Description, Status = WebhookStatus.Enabled, ProtectedSecret = protectedSecret, Position = position,
            NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (subscription, secret);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.WebhookSubscriptions.AsNoTracking();
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(s => s.CreatedAt <= createdAt && (s.CreatedAt < createdAt || string.Compare(s.Id, id) < 0));
        }
        return await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(WebhookSubscription subscription) => Cursor.Encode(subscription.CreatedAt, subscription.Id);

    public async Task<WebhookSubscription> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);

    public async Task<WebhookSubscription> UpdateAsync(string id, UpdateWebhookRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url is null ? null : await targets.ValidateAsync(request.Url, cancellationToken);
        var types = request.EventTypes is null ? null : EventLog.ParseTypes(request.EventTypes, "eventTypes");
        return await ChangeAsync(id, (subscription, now) =>
        {
            subscription.Url = url ?? subscription.Url;
            subscription.EventTypes = types is null ? subscription.EventTypes : [.. types];
            subscription.Description = request.Description ?? subscription.Description;
            if (request.Status == WebhookStatus.Enabled && subscription.Status == WebhookStatus.Disabled)
            {
                subscription.Status = WebhookStatus.Enabled;
                subscription.DisabledReason = null;
                Restart(subscription, now);
            }
            else if (request.Status == WebhookStatus.Disabled && subscription.Status == WebhookStatus.Enabled)
            {
                subscription.Status = WebhookStatus.Disabled;
                subscription.DisabledReason = "Disabled by you.";
            }
        }, cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(WebhookSubscription Subscription, string Secret)> RotateSecretAsync(string id, RotateWebhookSecretRequest request, CancellationToken cancellationToken)
    {
        var (secret, protectedSecret) = secrets.New();
        var overlap = request.OverlapHours is { } hours ? TimeSpan.FromHours(hours) : options.Value.DefaultSecretOverlap;
        var subscription = await ChangeAsync(id, (subscription, now) =>
        {
            subscription.PreviousProtectedSecret = overlap > TimeSpan.Zero ? subscription.ProtectedSecret : null;
            subscription.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
            subscription.ProtectedSecret = protectedSecret;
        }, cancellationToken);
        return (subscription, secret);
    }

    /// <summary>Moves the subscription back (or forward) in the event sequence; delivery restarts from there.</summary>
    public async Task<WebhookSubscription> ReplayAsync(string id, ReplayWebhookRequest request, CancellationToken cancellationToken)
    {
        if ((request.FromSequence is null) == (request.Since is null))
        {
            throw DomainException.Invalid("fromSequence", "Give exactly one of fromSequence and since.");
        }
        return await ChangeAsync(id, async (subscription, now) =>
        {
            var events = db.Events.AsNoTracking();
            var last = await events.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            long from;
            if (request.FromSequence is { } sequence)
            {
                var oldest = await events.MinAsync(e => (long?)e.Sequence, cancellationToken) ?? 1;
                if (sequence < oldest || sequence > last + 1)
                {
                    throw new DomainException(ErrorKind.Unprocessable, "replay_out_of_range",
                        $"Events {oldest} to {last} can be replayed; sequence {sequence} is outside them.",
                        new Dictionary<string, string[]> { ["fromSequence"] = [$"Between {oldest} and {last + 1}."] });
                }
                from = sequence;
            }
            else
            {
                var since = request.Since!.Value;
                from = await events.Where(e => e.OccurredAt >= since).MinAsync(e => (long?)e.Sequence, cancellationToken) ?? last + 1;
            }
            subscription.Position = from - 1;
            Restart(subscription, now);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string id, PageRequest page, CancellationToken cancellationToken)
    {
        await GetAsync(id, cancellationToken);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (page.Cursor is not null)
        {
            var before = Cursor.DecodePosition(page.Cursor);
            query = query.Where(d => d.Id < before);
        }
        return await query.OrderByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(WebhookDelivery delivery) => Cursor.Encode(delivery.Id);

    /// <summary>Posts a <c>webhook.test</c> event now, outside the sequence, and logs the attempt.</summary>
    public async Task<WebhookDelivery> SendTestAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        var test = new PartnerEvent
        {
            Id = Ids.New("evt"), PartnerId = subscription.PartnerId, Environment = subscription.Environment, Sequence = 0,
            Type = EventTypes.WebhookTest, SubjectId = subscription.Id, OccurredAt = now,
            Data = System.Text.Json.JsonSerializer.Serialize(new { subscriptionId = subscription.Id, message = "A test event. It is not part of your event sequence." }),
        };
        var attempt = await sender.SendAsync(subscription, test.Id, payloads.Of(test), cancellationToken);
        var delivery = WebhookDeliveries.Record(subscription, test, attemptNumber: 1, attempt, now);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivery;
    }

    private Task<WebhookSubscription> ChangeAsync(string id, Action<WebhookSubscription, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, (subscription, now) =>
        {
            change(subscription, now);
            return Task.CompletedTask;
        }, cancellationToken);

    // A change takes the subscription from whichever dispatcher holds it: that one's next write finds
    // its lease gone and stops, so the change is not overwritten.
    private async Task<WebhookSubscription> ChangeAsync(string id, Func<WebhookSubscription, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        var now = clock.GetUtcNow();
        await change(subscription, now);
        subscription.LeaseOwner = null;
        subscription.LeaseUntil = null;
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subscription;
    }

    private static void Restart(WebhookSubscription subscription, DateTimeOffset now)
    {
        subscription.FailedAttempts = 0;
        subscription.FailingSince = null;
        subscription.NextAttemptAt = now;
    }

    private static DomainException NotFound(string id) => DomainException.NotFound("webhook subscription", id);
}
