namespace Integration.Core.Credentials;

/// <summary>
/// What an admin endpoint needs; each admin endpoint declares exactly one. Which internal roles grant which
/// permission is decided in one place, not in controllers.
/// </summary>
public static class AdminPermission
{
    /// <summary>Read partners, applications, agreements, orders, statements, disputes, payouts, stock and catalog.</summary>
    public const string Read = "read";

    public const string PartnersWrite = "partners.write";
    public const string PartnersFreeze = "partners.freeze";
    public const string CatalogWrite = "catalog.write";
    public const string OrdersOperate = "orders.operate";

    public const string ApplicationsReview = "applications.review";
    public const string DocumentsRead = "documents.read";
    public const string AgreementsEdit = "agreements.edit";
    public const string AgreementsSign = "agreements.sign";

    public const string LiveCredentialsRequest = "credentials.request_live";
    public const string LiveCredentialsApprove = "credentials.approve_live";
    public const string CredentialsManage = "credentials.manage";
    public const string InternalCredentialsManage = "internal_credentials.manage";

    /// <summary>Rotate the caller's own internal credential (every role); nobody rotates another person's.</summary>
    public const string OwnCredentialRotate = "own_credential.rotate";
    public const string PeopleManage = "people.manage";

    /// <summary>Create a partner's first portal owner (who then adds the partner's other users).</summary>
    public const string PartnerUsersCreate = "partner_users.create";

    public const string SettlementsClose = "settlements.close";
    public const string SubsidiesRecord = "subsidies.record";
    public const string PaymentsRecord = "payments.record";
    public const string PayoutsRetry = "payouts.retry";
    /// <summary>Accept or reject a credit rating proposal.</summary>
    public const string RatingsAccept = "ratings.accept";

    /// <summary>Assess payment histories now (the quarter-end job does it on its own).</summary>
    public const string RatingsPropose = "ratings.propose";

    /// <summary>Resolve some dispute; which level is checked against the dispute (level 1, 2 or 3 below).</summary>
    public const string DisputesResolve = "disputes.resolve";
    public const string DisputesResolveLevel1 = "disputes.resolve_level_1";
    public const string DisputesResolveLevel2 = "disputes.resolve_level_2";
    public const string DisputesResolveLevel3 = "disputes.resolve_level_3";

    public const string AuditRead = "audit.read";
    public const string RequestLogRead = "request_log.read";
    public const string RemindersRead = "reminders.read";
    public const string RemindersManage = "reminders.manage";
    /// <summary>Rebuild the insights' sales aggregates from the orders (after an upgrade, or when in doubt).</summary>
    public const string InsightsRebuild = "insights.rebuild";
}
