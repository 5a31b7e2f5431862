namespace Integration.Core.Events;

/// <summary>The event types the platform emits; subscriptions and <c>GET /v1/events?types=</c> accept these.</summary>
public static class EventTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderStatusChanged = "order.status_changed";
    public const string WebhookDisabled = "webhook.disabled";
    public const string StockChanged = "inventory.stock_changed";
    public const string LowStock = "inventory.low_stock";
    public const string TransferRequested = "transfer.requested";
    public const string TransferAccepted = "transfer.accepted";
    public const string TransferRejected = "transfer.rejected";
    public const string TransferExpired = "transfer.expired";
    public const string CredentialExpiring = "credential.expiring";
    public const string CredentialRevoked = "credential.revoked";
    public const string SettlementClosed = "settlement.closed";
    public const string PayoutPaid = "payout.paid";
    public const string DisputeOpened = "dispute.opened";
    public const string DisputeResolved = "dispute.resolved";
    public const string AgreementSigned = "agreement.signed";
    public const string PartnerActivated = "partner.activated";
    public const string PartnerExiting = "partner.exiting";
    public const string PartnerTerminated = "partner.terminated";
    public const string ApplicationStatusChanged = "application.status_changed";
    public const string AmountDueSoon = "settlement.amount_due_soon";
    public const string AmountOverdue = "settlement.amount_overdue";
    public const string ExitBufferEnding = "partner.exit_buffer_ending";
    public const string AgreementExpiring = "agreement.expiring";
    public const string DocumentExpiring = "qualification.document_expiring";
    public const string OutletCreated = "outlet.created";
    public const string OutletUpdated = "outlet.updated";
    public const string PartnerRatingChanged = "partner.rating_changed";
    public const string PartnerGradePublished = "partner.grade_published";
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomerErased = "customer.erased";

    /// <summary>Sent by "send a test event" to one subscription only; never in the event log.</summary>
    public const string WebhookTest = "webhook.test";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [OrderCreated] = "You placed an order.",
        [OrderStatusChanged] = "An order moved to another status (confirmed, shipped, cancelled…).",
        [StockChanged] = "Stock of a SKU at one of your locations changed (set, adjusted); data carries the new levels and version.",
        [LowStock] = "Available stock of a SKU at one of your locations fell below the threshold you set.",
        [TransferRequested] = "A transfer was requested from you, or by you.",
        [TransferAccepted] = "A transfer was accepted: the units moved.",
        [TransferRejected] = "A transfer was rejected; the reservation was released.",
        [TransferExpired] = "A transfer was not decided within 48 hours; the reservation was released.",
        [WebhookDisabled] = "A webhook subscription was disabled after failing for the whole retry window.",
        [CredentialExpiring] = "A credential's secret was rotated; the previous secret stops working at previousSecretExpiresAt.",
        [CredentialRevoked] = "A credential was revoked; its tokens stop working within 30 seconds.",
        [SettlementClosed] = "A month closed: your statement is final; data carries its balance, held amount, amount due and due date.",
        [PayoutPaid] = "The bank gateway confirmed a payout of a statement's balance (or of an amount a dispute held back).",
        [DisputeOpened] = "You opened a dispute; data carries its level and, for level 1, the resolution deadline.",
        [DisputeResolved] = "A dispute was resolved: accepted (with the adjustment for your next statement) or rejected.",
        [AgreementSigned] = "Both sides signed an agreement version and its confidentiality supplement: it is your agreement from now on.",
        [PartnerActivated] = "Your onboarding is complete: the account is active and live credentials can be issued.",
        [PartnerExiting] = "An exit was started: data carries the exit date and the day the three-month buffer ends.",
        [PartnerTerminated] = "The exit buffer ended: the account is terminated and its credentials no longer work.",
        [ApplicationStatusChanged] = "Your partner application moved (submitted, in_review, needs_information, approved_for_negotiation, negotiating, signed, active, rejected); data carries what the reviewer asked for or the reason of a rejection.",
        [AmountDueSoon] = "An amount you owe on a closed statement falls due within 7 days; data carries the statement (subjectId), dueAt and a summary with what is still due.",
        [AmountOverdue] = "An amount you owe on a closed statement is past its due date; data carries the statement (subjectId), dueAt and a summary with what is still due.",
        [ExitBufferEnding] = "Your exit buffer ends within 30 days: after that day new orders are refused.",
        [AgreementExpiring] = "Your signed agreement ends within 90 days (and again within 30): data carries the version (subjectId), dueAt (its last day) and a summary.",
        [PartnerRatingChanged] = "Finance or risk accepted a change of your credit rating: data carries previousRating, rating and effectiveFrom, the first day your payment terms follow the new rating.",
        [PartnerGradePublished] = "Your performance grade for a quarter was published: data carries the quarter, the grade (A, B or C) and the figures it was decided from.",
        [CustomerCreated] = "You synced a new customer; data carries its customerId and version (no personal data: read the customer).",
        [CustomerUpdated] = "You replaced a customer's data or consents; data carries its customerId and version.",
        [CustomerErased] = "You erased a customer: its personal data is gone for good; data carries only its customerId and version.",
        [DocumentExpiring] = "A qualification document you uploaded (e.g. the business licence) expires within 90 days: upload the renewed one; data carries the document (subjectId) and dueAt.",
        [OutletCreated] = "You added an outlet; data carries it as the outlets API shows it.",
        [OutletUpdated] = "You changed an outlet (renamed, resized, closed or re-opened it); data carries it after the change.",
    };

    public static bool IsKnown(string type) => Descriptions.ContainsKey(type);
}
