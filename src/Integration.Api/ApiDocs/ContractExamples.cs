using Integration.Application.Agreements;
using Integration.Application.Audit;
using Integration.Application.Catalog;
using Integration.Application.Credentials;
using Integration.Application.Customers;
using Integration.Application.Disputes;
using Integration.Application.Reminders;
using Integration.Application.Ratings;
using Integration.Application.Insights;
using Integration.Application.Events;
using Integration.Application.Inventory;
using Integration.Application.Onboarding;
using Integration.Application.Orders;
using Integration.Application.Outlets;
using Integration.Application.Partners;
using Integration.Application.RequestLog;
using Integration.Application.Settlement;
using Integration.Application.Webhooks;
using Integration.Api.Audit;
using Integration.Api.Catalog;
using Integration.Api.Credentials;
using Integration.Api.Customers;
using Integration.Api.Disputes;
using Integration.Api.Inventory;
using Integration.Api.Orders;
using Integration.Api.Outlets;
using Integration.Api.Partners;
using Integration.Api.People;
using Integration.Api.RequestLog;
using Integration.Api.Sandbox;
using Integration.Api.Settlement;
using Integration.Api.Webhooks;

namespace Integration.Api.ApiDocs;

/// <summary>
/// The example of every request body and every JSON answer, in one place, as a partner would write or see it: the demo
/// SKUs a freshly started platform seeds (<c>BAG-001</c>, <c>WALLET-002</c>, <c>BELT-003</c>), ids with their prefixes,
/// v1 money as numbers and v2 money as decimal strings with the currency. <see cref="ExamplesOfTheContract"/> writes
/// each into its schema (a page's from its item's), so Swagger UI's "Try it out" starts from it and shows what comes
/// back; the tests check every one against its own schema and send the main writes to a fresh platform.
/// Ids of things a fresh platform does not have yet (a location, an order) stand for the ones you get back. A member
/// that refers to another schema and has no value is left out, as answers leave it out (<see cref="Hosting.AbsentWhenNull"/>).
/// Problem answers get theirs per operation and status from <see cref="ProblemExamples"/>.
/// </summary>
public static class ContractExamples
{
    private const string ShipTo = """
        { "name": "Li Wei", "line1": "88 Century Avenue, Floor 12", "city": "Shanghai", "regionCode": "CN-SH", "postalCode": "200120", "country": "CN", "phone": "+86 21 5555 0101" }
        """;

    public static readonly IReadOnlyDictionary<Type, string> Requests = new Dictionary<Type, string>
    {
        // Orders
        [typeof(CreateOrderRequest)] = $$"""
            { "reference": "PO-2026-0001", "lines": [ { "sku": "BAG-001", "quantity": 2 }, { "sku": "WALLET-002", "quantity": 1 } ], "shipTo": {{ShipTo}} }
            """,
        [typeof(ShipOrderRequest)] = """{ "carrier": "SF Express", "trackingNumber": "SF1234567890123" }""",
        [typeof(RecordPrepaymentRequest)] = """{ "amount": 449.97 }""",

        // Inventory
        [typeof(CreateLocationRequest)] = """
            { "name": "Shanghai Pudong warehouse", "type": "warehouse", "regionCode": "CN-SH-PD", "address": "1200 Zhangjiang Road, Pudong, Shanghai", "sharing": "region" }
            """,
        [typeof(UpdateLocationRequest)] = """{ "name": "Shanghai Pudong flagship", "type": "store", "sharing": "all_partners" }""",
        [typeof(SetStockRequest)] = """{ "onHand": 120 }""",
        [typeof(StockAdjustmentRequest)] = """{ "locationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "BAG-001", "delta": -2, "reason": "sold", "note": "Sold in store" }""",
        [typeof(LowStockThresholdRequest)] = """{ "threshold": 10 }""",
        [typeof(BulkStockRequest)] = """
            { "rows": [ { "locationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "BAG-001", "onHand": 120 }, { "locationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "BELT-003", "delta": 24, "reason": "received" } ] }
            """,
        [typeof(CreateTransferRequest)] = """{ "fromLocationId": "loc_3h8d1s6f0g2j5k9l4p7q", "toLocationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "WALLET-002", "quantity": 5 }""",
        [typeof(RejectTransferRequest)] = """{ "reason": "Held for a store opening next week" }""",
        [typeof(SetBrandStockRequest)] = """{ "onHand": 500 }""",

        // Outlets, daily activity and promotional events
        [typeof(CreateOutletRequest)] = """
            { "name": "Jing'an Kerry Centre store", "regionCode": "CN-SH-JA", "type": "store", "areaSquareMetres": 120.50, "openedOn": "2026-03-01" }
            """,
        [typeof(UpdateOutletRequest)] = """{ "name": "Jing'an flagship", "areaSquareMetres": 140.00, "closedOn": "2026-12-31" }""",
        [typeof(ActivityReportRequest)] = """{ "footfall": 1200, "conversions": 84 }""",
        [typeof(BulkActivityReportsRequest)] = """
            { "reports": [ { "outletId": "out_4d8f2k6m1q9s3v7x5z0b", "day": "2026-11-30", "footfall": 1200, "conversions": 84 }, { "outletId": "out_4d8f2k6m1q9s3v7x5z0b", "day": "2026-12-01", "footfall": 950, "conversions": 61 } ] }
            """,
        [typeof(CreatePromotionEventRequest)] = """
            { "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12", "cost": 2000.00 }
            """,
        [typeof(CreatePromotionEventRequestV2)] = """
            { "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12", "cost": "2000.00" }
            """,
        [typeof(UpdatePromotionEventRequest)] = """{ "actualStart": "2026-03-10", "actualEnd": "2026-03-12" }""",
        [typeof(BulkPromotionEventsRequest)] = """
            { "events": [ { "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12", "cost": 2000.00 },
                          { "name": "Mid-autumn gift fair", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b", "out_9h3j7l1n5p8r2t6w0y4c" ], "plannedStart": "2026-09-20", "plannedEnd": "2026-09-27", "cost": 5500.00 } ] }
            """,
        [typeof(BulkPromotionEventsRequestV2)] = """
            { "events": [ { "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12", "cost": "2000.00" },
                          { "name": "Mid-autumn gift fair", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b", "out_9h3j7l1n5p8r2t6w0y4c" ], "plannedStart": "2026-09-20", "plannedEnd": "2026-09-27", "cost": "5500.00" } ] }
            """,

        // Settlement and disputes
        [typeof(OpenDisputeRequest)] = """{ "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "amount": 120.00, "reason": "Two bags arrived with damaged stitching" }""",
        [typeof(OpenDisputeRequestV2)] = """{ "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "amount": "120.00", "reason": "Two bags arrived with damaged stitching" }""",
        [typeof(ResolveDisputeRequest)] = """{ "outcome": "accepted", "adjustment": 120.00, "note": "Damage confirmed by the carrier's report." }""",
        [typeof(ResolveDisputeRequestV2)] = """{ "outcome": "accepted", "adjustment": "120.00", "note": "Damage confirmed by the carrier's report." }""",
        [typeof(RecordPaymentRequest)] = """{ "amount": 248000.00 }""",
        [typeof(RatingDecisionRequest)] = """{ "reason": "Two late payments in Q1; terms tighten from next month." }""",
        [typeof(ProposeRatingsRequest)] = """{ "quarter": "2026-Q1", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p" }""",
        [typeof(RecordSubsidyRequest)] = """{ "environment": "live", "eventName": "Shanghai flagship opening", "cost": 80000.00 }""",
        [typeof(CloseSettlementRequest)] = """{ "period": "2026-11", "environment": "live" }""",

        // Customers
        [typeof(CustomerRequest)] = """
            { "name": "张三丰", "phone": "13812341234", "email": "zhang.sanfeng@example.com",
              "address": { "line": "1200 Zhangjiang Road, Building 3", "city": "Shanghai", "regionCode": "CN-SH-PD", "postalCode": "201203", "country": "CN" },
              "consents": [ { "purpose": "marketing", "granted": true, "at": "2026-11-28T14:05:00Z", "source": "pos:store-12" } ] }
            """,
        [typeof(BulkCustomersRequest)] = """
            { "rows": [ { "externalId": "C-1001", "name": "张三丰", "phone": "13812341234", "email": "zhang.sanfeng@example.com",
                          "consents": [ { "purpose": "data_sharing", "granted": false, "at": "2026-11-28T14:05:00Z", "source": "web_signup" } ] },
                        { "externalId": "C-1002", "name": "Li Wei", "address": { "city": "Suzhou", "regionCode": "CN-JS-SZ", "country": "CN" } } ] }
            """,

        // Sandbox
        [typeof(SandboxShipRequest)] = """{ "carrier": "SF Express", "trackingNumber": "SF1234567890123" }""",
        [typeof(SandboxSubsidyRequest)] = """{ "eventName": "Store opening", "cost": 3000.00 }""",
        [typeof(SandboxSubsidyRequestV2)] = """{ "eventName": "Store opening", "cost": "3000.00" }""",
        [typeof(SandboxPaymentRequestV2)] = """{ "amount": "248.50" }""",
        [typeof(AdvanceClockRequest)] = """{ "by": "P1D" }""",
        [typeof(CreateSnapshotRequest)] = """{ "name": "Before the December close" }""",
        [typeof(SetSimulatorModeRequest)] = """{ "mode": "failing" }""",

        // Webhooks
        [typeof(CreateWebhookRequest)] = """
            { "url": "https://partner.example.com/webhooks/brand", "eventTypes": [ "order.created", "order.status_changed" ], "description": "Order updates for the ERP" }
            """,
        [typeof(UpdateWebhookRequest)] = """{ "eventTypes": [ "order.created", "order.status_changed", "inventory.low_stock" ], "status": "enabled" }""",
        [typeof(RotateWebhookSecretRequest)] = """{ "overlapHours": 24 }""",
        [typeof(ReplayWebhookRequest)] = """{ "since": "2026-12-01T00:00:00Z" }""",

        // Admin: partners, credentials, catalogue
        [typeof(CreatePartnerRequest)] = """
            { "name": "Huadong Leather Trading Co.", "tier": "advanced", "creditRating": "B", "cooperationMode": "regional_distribution", "regionCode": "CN-SH", "agreement": { "annualTarget": 3000000.00 }, "businessLicenceNumber": "91310115MA1K4XXXXX", "qualificationVerifiedOn": "2026-11-20" }
            """,
        [typeof(UpdatePartnerRequest)] = """{ "tier": "strategic", "agreement": { "discountRate": 0.28, "annualTarget": 5000000.00 } }""",
        [typeof(IssuePartnerCredentialRequest)] = """{ "environment": "sandbox", "scopes": [ "orders:read", "orders:write", "inventory:read" ], "name": "ERP integration" }""",
        [typeof(IssueInternalCredentialRequest)] = """{ "name": "Finance console", "roles": [ "finance" ] }""",
        [typeof(ChangeRolesRequest)] = """{ "roles": [ "finance", "risk" ] }""",
        [typeof(CreatePersonRequest)] = """{ "email": "li.wei@brand.example", "displayName": "Li Wei", "roles": [ "finance" ] }""",
        [typeof(RequestLiveCredentialRequest)] = """
            { "scopes": [ "orders:read", "orders:write" ], "name": "ERP integration", "reason": "Agreement signed on 1 December; the partner's ERP goes live on Monday." }
            """,
        [typeof(RejectLiveCredentialRequest)] = """{ "note": "The confidentiality supplement is not countersigned yet." }""",
        [typeof(RotateCredentialRequest)] = """{ "overlapMinutes": 60 }""",
        [typeof(CreateOwnCredentialRequest)] = """{ "scopes": [ "inventory:read", "inventory:write" ], "name": "Warehouse scanner" }""",
        [typeof(CreatePartnerOwnerRequest)] = """{ "email": "zhou.lan@nanjing-leather.example.com", "displayName": "Zhou Lan" }""",
        [typeof(ApplicationRequest)] = """
            { "companyName": "Nanjing Leather Trading Co.", "contacts": [ { "name": "Li Wei", "email": "li.wei@nanjing-leather.example.com", "phone": "+86 25 5555 0101", "role": "Legal representative" } ],
              "cooperationMode": "regional_distribution", "regions": [ "CN-JS", "CN-JS-NJ" ], "foundedOn": "2016-05-12", "warehouseAreaSquareMetres": 800, "outlets": 6, "retail": true }
            """,
        [typeof(ConfirmApplicationRequest)] = """{ "token": "apc_4k9m2p7q1r8s3t6v0w5x9y2z4a7b1c5d8e3f6g0j2l4" }""",
        [typeof(ResubmitApplicationRequest)] = """{ "response": "Our outlets in Nanjing and Suzhou are listed in the uploaded permit; ISO 9001 certificate attached.", "outlets": 8 }""",
        [typeof(RecordVerdictRequest)] = """{ "verdict": "met", "note": "Outlets in Nanjing and Suzhou cover both regions applied for." }""",
        [typeof(RequestInformationRequest)] = """{ "missing": "Please list your outlets in CN-JS and upload your ISO 9001 certificate if you hold one." }""",
        [typeof(RejectApplicationRequest)] = """{ "reason": "The region applied for is held by an exclusive agent until 2028." }""",
        [typeof(CreateProductRequest)] = """{ "sku": "SCARF-004", "name": "Silk scarf", "listPrice": 399.00, "currency": "CNY", "active": true }""",
        [typeof(UpdateProductRequest)] = """{ "listPrice": 429.00 }""",

        // Admin: agreements and exit
        [typeof(AgreementTermsRequest)] = """
            { "cooperationMode": "regional_distribution", "tier": "basic", "discountRate": 0.15, "annualTarget": 900000.00, "annualPurchaseCommitment": 600000.00, "termMonths": 12, "paymentTermDays": 45, "profitShareBrackets": [ { "upTo": 1000000.00, "rate": 0.15 }, { "rate": 0.20 } ], "effectiveFrom": "2027-01-01" }
            """,
        [typeof(SignAgreementRequest)] = """{ "document": "agreement", "signerName": "Zhang Min", "signerRole": "Legal counsel", "method": "electronic" }""",
        [typeof(StartExitRequest)] = """{ "exitDate": "2027-03-31" }""",
    };

    private const string Money = """{ "amount": "440.53", "currency": "CNY" }""";

    private const string Webhook = """
        { "id": "whk_2b7n4m9x1c6v3z8q5w0e", "url": "https://partner.example.com/webhooks/brand", "eventTypes": [ "order.created", "order.status_changed" ], "description": "Order updates for the ERP",
          "status": "enabled", "disabledReason": null, "lastHandledSequence": 1042, "failedAttempts": 0, "nextAttemptAt": null, "previousSecretExpiresAt": null,
          "createdAt": "2026-11-02T08:15:00+00:00", "updatedAt": "2026-12-01T09:30:00+00:00" }
        """;

    private const string Application = """
        { "id": "app_2m7q4x9v1c6n3b8z5k0a", "status": "in_review", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "companyName": "Nanjing Leather Trading Co.",
          "contacts": [ { "name": "Li Wei", "email": "li.wei@nanjing-leather.example.com", "phone": "+86 25 5555 0101", "role": "Legal representative" } ],
          "cooperationMode": "regional_distribution", "regions": [ "CN-JS", "CN-JS-NJ" ], "foundedOn": "2016-05-12", "yearsInBusiness": 10,
          "warehouseAreaSquareMetres": 800, "outlets": 6, "retail": true, "informationRequested": null, "applicantResponse": null, "rejectionReason": null,
          "checklist": [
            { "criterion": "licence_valid", "required": true, "verdict": "met", "note": "The licence is valid until 2029-06-30, at least 90 more days.", "decidedBy": "platform", "decidedAt": "2026-12-01T10:10:00+00:00" },
            { "criterion": "region_coverage", "required": true, "verdict": "pending", "note": "6 outlets declared: check that they cover CN-JS, CN-JS-NJ.", "decidedBy": "platform", "decidedAt": "2026-12-01T10:10:00+00:00" }
          ],
          "createdAt": "2026-12-01T09:30:00+00:00", "submittedAt": "2026-12-01T09:42:00+00:00", "updatedAt": "2026-12-01T10:10:00+00:00" }
        """;

    private const string Credential = """
        { "id": "cred_8d3k6f1h9j4l2s7a5g0q", "clientId": "sbx_4n8b2v6c0x5z9m3k7j1h2g6f", "kind": "partner", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "environment": "sandbox",
          "name": "ERP integration", "scopes": [ "orders:read", "orders:write", "inventory:read" ], "status": "active",
          "createdAt": "2026-11-20T10:00:00+00:00", "rotatedAt": null, "previousSecretExpiresAt": null, "revokedAt": null, "roles": null }
        """;

    private const string LiveCredential = """
        { "id": "cred_2s7d1f6g0h4j8k3l9p5q", "clientId": "live_7c2v5b9n1m4x8z0a3s6d2f5g", "kind": "partner", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "environment": "live",
          "name": "ERP integration", "scopes": [ "orders:read", "orders:write" ], "status": "active",
          "createdAt": "2026-12-02T11:00:00+00:00", "rotatedAt": null, "previousSecretExpiresAt": null, "revokedAt": null, "roles": null }
        """;

    private const string OwnCredential = """
        { "id": "cred_3v8b1n6m0k4j9h2g7f5d", "clientId": "sbx_9q4w7e2r5t8y1u6i3o0p4a", "environment": "sandbox", "name": "Warehouse scanner",
          "scopes": [ "inventory:read", "inventory:write" ], "status": "active", "createdAt": "2026-12-07T10:00:00+00:00", "rotatedAt": null,
          "previousSecretExpiresAt": null, "revokedAt": null, "lastUsedAt": "2026-12-07T10:04:12+00:00" }
        """;

    private const string PartnerUser = """
        { "id": "psn_4k9j2h7g1f6d3s8a5q0w", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "email": "zhou.lan@nanjing-leather.example.com", "displayName": "Zhou Lan",
          "role": "owner", "passwordSet": false, "createdAt": "2026-12-07T09:00:00+00:00" }
        """;

    private const string Person = """
        { "id": "psn_7h2j5k9l1p4q8w3e6r0t", "email": "li.wei@brand.example", "displayName": "Li Wei", "roles": [ "finance" ], "twoFactorEnabled": false,
          "createdAt": "2026-12-02T09:00:00+00:00" }
        """;

    private const string PendingLiveCredentialRequest = """
        { "id": "lcr_5g8h2j6k0l3p7q1w4e9r", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "scopes": [ "orders:read", "orders:write" ], "name": "ERP integration",
          "reason": "Agreement signed on 1 December; the partner's ERP goes live on Monday.", "status": "pending",
          "requestedBy": "adm_3k8j2h7g1f6d5s4a9q0w2e4r", "requestedAt": "2026-12-02T09:00:00+00:00", "decidedBy": null, "decidedAt": null, "decisionNote": null, "credentialId": null }
        """;

    private const string ApprovedLiveCredentialRequest = """
        { "id": "lcr_5g8h2j6k0l3p7q1w4e9r", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "scopes": [ "orders:read", "orders:write" ], "name": "ERP integration",
          "reason": "Agreement signed on 1 December; the partner's ERP goes live on Monday.", "status": "approved",
          "requestedBy": "adm_3k8j2h7g1f6d5s4a9q0w2e4r", "requestedAt": "2026-12-02T09:00:00+00:00", "decidedBy": "adm_9z4x7c2v5b8n1m6q3w0e5r7t", "decidedAt": "2026-12-02T11:00:00+00:00",
          "decisionNote": null, "credentialId": "cred_2s7d1f6g0h4j8k3l9p5q" }
        """;

    private const string Checkpoint = """
        { "sequence": 5120, "headHash": "q0V4m3JX8Jx0bQ0p2Zr8c6mYd5N1c5mWlJ0C7qH8Yk4=", "signedAt": "2026-12-01T00:00:00+00:00", "keyId": "audit-2026-11", "mac": "n7Qm1Xo4c9B2v8L0k3Jd6Fh5Ga1Ws7Ep9Ru2Ty4Ui0=" }
        """;

    /// <summary>Every JSON answer's body by its type. A <c>Page&lt;T&gt;</c> is the page of its item's example.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Responses = new Dictionary<Type, string>
    {
        // Orders: the created example order (2 × BAG-001, 1 × WALLET-002) at an advanced partner's 10%.
        [typeof(OrderV2)] = $$"""
            { "id": "ord_5t1r8e3w6q9y2u4i7o0p", "version": 2, "reference": "PO-2026-0001", "status": "confirmed", "total": {{Money}}, "discountRate": "0.10",
              "lines": [
                { "lineNumber": 1, "sku": "BAG-001", "name": "Canvas tote bag", "quantity": 2, "listPrice": { "amount": "199.99", "currency": "CNY" }, "unitPrice": { "amount": "179.99", "currency": "CNY" },
                  "discount": { "rate": "0.10", "amount": { "amount": "40.00", "currency": "CNY" } }, "lineTotal": { "amount": "359.98", "currency": "CNY" } },
                { "lineNumber": 2, "sku": "WALLET-002", "name": "Leather wallet", "quantity": 1, "listPrice": { "amount": "89.50", "currency": "CNY" }, "unitPrice": { "amount": "80.55", "currency": "CNY" },
                  "discount": { "rate": "0.10", "amount": { "amount": "8.95", "currency": "CNY" } }, "lineTotal": { "amount": "80.55", "currency": "CNY" } } ],
              "shipTo": {{ShipTo}}, "carrier": null, "trackingNumber": null,
              "createdAt": "2026-12-01T09:30:00+00:00", "updatedAt": "2026-12-01T09:31:12+00:00", "confirmedAt": "2026-12-01T09:31:12+00:00",
              "paidAt": null, "shippedAt": null, "deliveredAt": null, "cancelledAt": null, "returnedAt": null }
            """,
        [typeof(OrderV1)] = $$"""
            { "id": "ord_5t1r8e3w6q9y2u4i7o0p", "reference": "PO-2026-0001", "status": "confirmed", "currency": "CNY", "total": 440.53, "discountRate": 0.10,
              "lines": [
                { "lineNumber": 1, "sku": "BAG-001", "name": "Canvas tote bag", "quantity": 2, "listPrice": 199.99, "unitPrice": 179.99, "lineTotal": 359.98 },
                { "lineNumber": 2, "sku": "WALLET-002", "name": "Leather wallet", "quantity": 1, "listPrice": 89.50, "unitPrice": 80.55, "lineTotal": 80.55 } ],
              "shipTo": {{ShipTo}}, "carrier": null, "trackingNumber": null,
              "createdAt": "2026-12-01T09:30:00+00:00", "updatedAt": "2026-12-01T09:31:12+00:00", "confirmedAt": "2026-12-01T09:31:12+00:00",
              "paidAt": null, "shippedAt": null, "deliveredAt": null, "cancelledAt": null, "returnedAt": null }
            """,
        [typeof(AdminOrderSummary)] = $$"""
            { "id": "ord_5t1r8e3w6q9y2u4i7o0p", "partnerId": "ptn_8f3k2m9q4x7w1z6c0v5b", "environment": "live", "reference": "PO-2026-0001", "status": "confirmed",
              "total": {{Money}}, "lineCount": 2, "outletId": null, "createdAt": "2026-12-01T09:30:00+00:00", "updatedAt": "2026-12-01T09:31:12+00:00", "deliveredAt": null }
            """,
        [typeof(OrderEventResponse)] = """
            { "id": "oev_9k4j7h2g5f8d1s6a3l0z", "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "type": "order.status_changed", "from": "pending", "to": "confirmed", "actor": "platform", "occurredAt": "2026-12-01T09:31:12+00:00" }
            """,
        [typeof(EventResponse)] = """
            { "id": "evt_3m7n1b5v9c2x6z0l4k8j", "type": "order.status_changed", "sequence": 1043, "environment": "sandbox", "occurredAt": "2026-12-01T09:31:12+00:00",
              "data": { "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "reference": "PO-2026-0001", "from": "pending", "to": "confirmed" } }
            """,

        // Outlets, daily activity and promotional events
        [typeof(OutletResponse)] = """
            { "id": "out_4d8f2k6m1q9s3v7x5z0b", "name": "Jing'an Kerry Centre store", "regionCode": "CN-SH-JA", "type": "store", "areaSquareMetres": 120.50,
              "openedOn": "2026-03-01", "closedOn": null, "status": "open", "version": 1, "createdAt": "2026-02-20T08:00:00+00:00", "updatedAt": "2026-02-20T08:00:00+00:00" }
            """,
        [typeof(ActivityReportResponse)] = """
            { "outletId": "out_4d8f2k6m1q9s3v7x5z0b", "day": "2026-11-30", "footfall": 1200, "conversions": 84, "reportedAt": "2026-12-01T01:15:00+00:00" }
            """,
        [typeof(BulkResultResponse)] = """
            { "accepted": 1, "rejected": 1, "rows": [
                { "index": 0, "status": "accepted" },
                { "index": 1, "status": "rejected", "code": "conversions_exceed_footfall", "field": "reports[1].conversions", "reason": "conversions (98) cannot be more than footfall (95)." } ] }
            """,
        [typeof(PromotionEventV1)] = """
            { "id": "pev_6t2w8y4a0c5e1g7i3k9m", "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12",
              "actualStart": "2026-03-10", "actualEnd": "2026-03-12", "endedOnTime": true, "cost": 2000.00, "currency": "CNY", "version": 2,
              "createdAt": "2026-02-20T08:00:00+00:00", "updatedAt": "2026-03-13T09:00:00+00:00" }
            """,
        [typeof(PromotionEventV2)] = """
            { "id": "pev_6t2w8y4a0c5e1g7i3k9m", "name": "Spring leather week", "outletIds": [ "out_4d8f2k6m1q9s3v7x5z0b" ], "plannedStart": "2026-03-10", "plannedEnd": "2026-03-12",
              "actualStart": "2026-03-10", "actualEnd": "2026-03-12", "endedOnTime": true, "cost": { "amount": "2000.00", "currency": "CNY" }, "version": 2,
              "createdAt": "2026-02-20T08:00:00+00:00", "updatedAt": "2026-03-13T09:00:00+00:00" }
            """,

        // Catalogue and the partner's own profile
        [typeof(ProductV1)] = """{ "sku": "BAG-001", "name": "Canvas tote bag", "listPrice": 199.99, "currency": "CNY", "active": true }""",
        [typeof(ProductV2)] = """{ "sku": "BAG-001", "name": "Canvas tote bag", "listPrice": { "amount": "199.99", "currency": "CNY" }, "active": true }""",
        [typeof(ProductResponse)] = """
            { "sku": "BAG-001", "name": "Canvas tote bag", "listPrice": 199.99, "currency": "CNY", "active": true, "createdAt": "2026-11-01T00:00:00+00:00", "updatedAt": "2026-11-15T08:00:00+00:00" }
            """,
        [typeof(PartnerProfileResponse)] = """
            { "id": "ptn_6y3t9r1e5w8q2u7i4o0p", "name": "Huadong Leather Trading Co.", "tier": "advanced", "creditRating": "B", "cooperationMode": "regional_distribution", "regionCode": "CN-SH",
              "parentPartnerId": null, "status": "active", "discountRate": 0.10, "environment": "sandbox", "clientId": "sbx_4n8b2v6c0x5z9m3k7j1h2g6f", "scopes": [ "orders:read", "orders:write", "inventory:read" ] }
            """,
        [typeof(PartnerProfileV2)] = """
            { "id": "ptn_6y3t9r1e5w8q2u7i4o0p", "name": "Huadong Leather Trading Co.", "tier": "advanced", "creditRating": "B", "cooperationMode": "regional_distribution", "regionCode": "CN-SH",
              "parentPartnerId": null, "status": "active", "discountRate": "0.10", "environment": "sandbox", "clientId": "sbx_4n8b2v6c0x5z9m3k7j1h2g6f", "scopes": [ "orders:read", "orders:write", "inventory:read" ] }
            """,

        // Customers
        [typeof(CustomerResponse)] = """
            { "id": "cus_3k8m1q6x9v2c7n4b0z5a", "externalId": "C-1001", "personalData": "masked", "name": "张**", "phone": "138****1234", "email": "z***@example.com",
              "address": { "line": null, "city": null, "regionCode": "CN-SH-PD", "postalCode": null, "country": "CN" },
              "consents": [ { "purpose": "marketing", "granted": true, "at": "2026-11-28T14:05:00+00:00", "source": "pos:store-12", "recordedAt": "2026-11-28T14:06:10+00:00" } ],
              "version": 2, "createdAt": "2026-11-20T10:05:00+00:00", "updatedAt": "2026-11-28T14:06:10+00:00" }
            """,
        [typeof(ConsentResponse)] = """{ "purpose": "marketing", "granted": true, "at": "2026-11-28T14:05:00+00:00", "source": "pos:store-12", "recordedAt": "2026-11-28T14:06:10+00:00" }""",
        [typeof(BulkCustomersResponse)] = """
            { "created": 1, "updated": 0, "rejected": 1, "results": [
                { "index": 0, "status": "created", "id": "cus_3k8m1q6x9v2c7n4b0z5a", "version": 1, "errors": null },
                { "index": 1, "status": "rejected", "id": null, "version": null, "errors": [ { "field": "phone", "reason": "phone is digits, optionally with a leading + and spaces or dashes between them (8 to 24 characters)." } ] } ] }
            """,
        [typeof(CustomerChangeResponse)] = """
            { "sequence": 412, "change": "erased", "customerId": "cus_3k8m1q6x9v2c7n4b0z5a", "externalId": null, "version": 3, "occurredAt": "2026-12-01T11:02:40+00:00" }
            """,

        // Inventory
        [typeof(LocationResponse)] = """
            { "id": "loc_7k2m9q4x1v8c3n6b5z0a", "name": "Shanghai Pudong warehouse", "type": "warehouse", "regionCode": "CN-SH-PD", "address": "1200 Zhangjiang Road, Pudong, Shanghai",
              "sharing": "region", "sharedWith": [], "version": 1, "createdAt": "2026-11-20T10:05:00+00:00", "updatedAt": "2026-11-20T10:05:00+00:00" }
            """,
        [typeof(StockLevelResponse)] = """
            { "locationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "BAG-001", "onHand": 120, "reserved": 2, "available": 118, "lowStockThreshold": 10, "version": 4, "updatedAt": "2026-12-01T09:30:00+00:00" }
            """,
        [typeof(StockChangeResponse)] = """
            { "sequence": 318, "locationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "BAG-001", "onHand": 118, "reserved": 0, "available": 118, "version": 5, "change": "sold", "delta": -2, "occurredAt": "2026-12-01T11:02:40+00:00" }
            """,
        [typeof(BulkStockResponse)] = """{ "applied": 2, "created": 1 }""",
        [typeof(StockImportResponse)] = """
            { "id": "imp_1q6w3e8r5t0y7u2i9o4p", "status": "completed", "format": "csv", "totalRows": 2, "processedRows": 2, "appliedRows": 2, "failedRows": 0, "progress": 1.0, "errors": [],
              "createdAt": "2026-12-01T09:00:00+00:00", "startedAt": "2026-12-01T09:00:01+00:00", "completedAt": "2026-12-01T09:00:02+00:00" }
            """,
        [typeof(TransferResponse)] = """
            { "id": "trf_8u3y6t1r4e9w2q7p5o0i", "fromLocationId": "loc_3h8d1s6f0g2j5k9l4p7q", "toLocationId": "loc_7k2m9q4x1v8c3n6b5z0a", "sku": "WALLET-002", "quantity": 5, "status": "requested",
              "rejectionReason": null, "requestedAt": "2026-12-01T09:30:00+00:00", "expiresAt": "2026-12-04T09:30:00+00:00", "decidedAt": null }
            """,
        [typeof(SharedAvailabilityResponse)] = """
            { "sku": "BAG-001", "brand": { "available": 480 }, "locations": [ { "locationId": "loc_3h8d1s6f0g2j5k9l4p7q", "regionCode": "CN-SH-JA", "available": 36 } ] }
            """,
        [typeof(BrandStockResponse)] = """
            { "sku": "BAG-001", "environment": "live", "onHand": 500, "reserved": 20, "available": 480, "updatedAt": "2026-12-01T08:00:00+00:00" }
            """,

        // Settlement and disputes
        [typeof(ResolutionProposalResponse)] = """
            { "disputeId": "dsp_8u3y6t1r4e9w2q7i5o0p", "outcome": "accepted", "adjustment": { "amount": "150000.00", "currency": "CNY" },
              "note": "Carrier confirmed water damage to part of the shipment.", "proposedBy": "adm_3k8j2h7g1f6d5s4a9q0w2e4r", "proposedAt": "2026-12-02T10:00:00+00:00" }
            """,
        [typeof(DisputeResponse)] = """
            { "id": "dsp_4r9e2w7q1t6y3u8i5o0p", "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "statementId": null, "statementLineId": null, "amount": { "amount": "120.00", "currency": "CNY" },
              "reason": "Two bags arrived with damaged stitching", "level": 1, "assignee": "regional_manager", "slaDeadline": "2026-12-04T09:30:00+00:00", "slaBreached": false, "freezesAccount": false,
              "status": "open", "resolution": null, "openedAt": "2026-12-01T09:30:00+00:00", "resolvedAt": null,
              "history": [ { "at": "2026-12-01T09:30:00+00:00", "action": "opened", "actor": "ptn_6y3t9r1e5w8q2u7i4o0p", "note": "Two bags arrived with damaged stitching" } ] }
            """,
        [typeof(StatementResponse)] = """
            { "id": "stm_2k7j4h9g1f6d3s8a5l0q", "period": "2026-11", "status": "closed", "tier": "advanced", "creditRating": "B",
              "deliveredTotal": { "amount": "248000.00", "currency": "CNY" }, "returnedTotal": { "amount": "3600.00", "currency": "CNY" }, "netSales": { "amount": "244400.00", "currency": "CNY" },
              "netSalesEarlierInYear": { "amount": "2155600.00", "currency": "CNY" }, "balance": { "amount": "-12220.00", "currency": "CNY" }, "heldAmount": { "amount": "0.00", "currency": "CNY" },
              "amountDue": { "amount": "12220.00", "currency": "CNY" }, "dueDate": "2026-12-15", "deliveredOrders": 412, "returnedOrders": 6,
              "lines": [ { "id": "stl_6h1g8f3d5s0a9l4k2j7q", "number": 1, "kind": "profit_share", "amount": { "amount": "12220.00", "currency": "CNY" }, "description": "Profit share, 5% of net sales",
                "sourceId": null, "orderCount": 418, "ordersUrl": "/v2/settlement/statements/stm_2k7j4h9g1f6d3s8a5l0q/orders" } ],
              "payouts": [ { "id": "pay_9o4i7u2y5t8r1e6w3q0a", "amount": { "amount": "12220.00", "currency": "CNY" }, "status": "pending", "disputeId": null, "paidAt": null } ],
              "closedAt": "2026-12-01T00:05:00+00:00", "paidAt": null, "settledAt": null }
            """,
        [typeof(RatingProposalResponse)] = """
            { "id": "rtp_3m8k2j7h4g1f9d6s5a0q", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "quarter": "2026-Q1", "asOf": "2026-04-01", "currentRating": "B", "proposedRating": "A",
              "overdueAmounts": 0, "maxDaysOverdue": 0, "basis": "Nothing overdue in 12 months with rating B.", "status": "accepted", "createdAt": "2026-04-01T00:05:00+00:00",
              "decidedBy": "int_4f8d2s6a1q9w3e7r5t0y", "decidedAt": "2026-04-03T09:30:00+00:00", "decisionReason": "Paid on time all year.", "effectiveFrom": "2026-05-01", "appliedAt": null }
            """,
        [typeof(ProposeRatingsResponse)] = """
            { "quarter": "2026-Q1", "partnersAssessed": 1, "proposals": [ { "id": "rtp_3m8k2j7h4g1f9d6s5a0q", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "quarter": "2026-Q1", "asOf": "2026-04-01", "currentRating": "B", "proposedRating": "A",
              "overdueAmounts": 0, "maxDaysOverdue": 0, "basis": "Nothing overdue in 12 months with rating B.", "status": "accepted", "createdAt": "2026-04-01T00:05:00+00:00",
              "decidedBy": "int_4f8d2s6a1q9w3e7r5t0y", "decidedAt": "2026-04-03T09:30:00+00:00", "decisionReason": "Paid on time all year.", "effectiveFrom": "2026-05-01", "appliedAt": null } ] }
            """,
        [typeof(PerformanceGradeResponse)] = """
            { "id": "grd_7h2j9k4l1m6n3b8v5c0x", "quarter": "2026-Q1", "grade": "B", "cooperationMode": "regional_distribution", "monthlyFootfallPerOutlet": 2150.5,
              "conversionRate": 0.0612, "repurchaseRate": 0.2841, "publishedAt": "2026-04-01T00:05:00+00:00" }
            """,
        [typeof(ReminderResponse)] = """
            { "id": "rem_8k3j6h1g4f9d2s7a5l0q", "kind": "amount_overdue", "subject": "statement", "subjectId": "stm_2k7j4h9g1f6d3s8a5l0q", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p",
              "environment": "live", "dueAt": "2026-12-15T00:00:00+00:00", "summary": "12220.00 CNY of statement 2026-11 was due on 2026-12-15 and is not paid.",
              "state": "open", "createdAt": "2026-12-16T00:15:00+00:00", "doneAt": null, "doneBy": null }
            """,
        [typeof(StatementOrderResponse)] = """
            { "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "reference": "PO-2026-0001", "kind": "delivered", "occurredAt": "2026-11-18T15:20:00+00:00", "amount": { "amount": "440.53", "currency": "CNY" } }
            """,
        [typeof(PayoutResponse)] = """{ "id": "pay_9o4i7u2y5t8r1e6w3q0a", "amount": { "amount": "12220.00", "currency": "CNY" }, "status": "paid", "disputeId": null, "paidAt": "2026-12-10T02:00:00+00:00" }""",
        [typeof(AdminPayoutResponse)] = """
            { "id": "pay_9o4i7u2y5t8r1e6w3q0a", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "environment": "live", "statementId": "stm_2k7j4h9g1f6d3s8a5l0q", "disputeId": null,
              "amount": { "amount": "12220.00", "currency": "CNY" }, "status": "needs_attention", "attempts": 3, "lastError": "The bank gateway answered 503", "nextAttemptAt": "2026-12-10T08:00:00+00:00",
              "gatewayPayoutId": null, "createdAt": "2026-12-10T02:00:00+00:00", "paidAt": null }
            """,
        [typeof(SubsidyResponse)] = """
            { "id": "sub_5w0q7e2r9t4y1u6i3o8p", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "environment": "live", "eventName": "Shanghai flagship opening",
              "cost": { "amount": "80000.00", "currency": "CNY" }, "subsidy": { "amount": "40000.00", "currency": "CNY" }, "period": "2026-12", "approvedAt": "2026-12-01T09:30:00+00:00" }
            """,
        [typeof(CloseSettlementResponse)] = """{ "period": "2026-11", "environment": "live", "closed": 42, "alreadyClosed": 3 }""",
        [typeof(TrialBalanceResponse)] = """
            { "environment": "live",
              "accounts": [
                { "account": "partner_receivable", "debits": { "amount": "248000.00", "currency": "CNY" }, "credits": { "amount": "248000.00", "currency": "CNY" }, "balance": { "amount": "0.00", "currency": "CNY" } },
                { "account": "sales", "debits": { "amount": "0.00", "currency": "CNY" }, "credits": { "amount": "248000.00", "currency": "CNY" }, "balance": { "amount": "-248000.00", "currency": "CNY" } },
                { "account": "bank", "debits": { "amount": "248000.00", "currency": "CNY" }, "credits": { "amount": "0.00", "currency": "CNY" }, "balance": { "amount": "248000.00", "currency": "CNY" } } ],
              "totalDebits": { "amount": "496000.00", "currency": "CNY" }, "totalCredits": { "amount": "496000.00", "currency": "CNY" }, "balanced": true }
            """,

        // Sandbox
        [typeof(SandboxResponse)] = """
            { "clockNow": "2026-12-02T09:30:00+00:00", "clockOffset": "P1D",
              "simulators": [ { "name": "bank-gateway", "mode": "healthy", "modes": [ "healthy", "slow", "failing", "duplicate_reports" ] }, { "name": "carrier", "mode": "healthy", "modes": [ "healthy", "failing" ] } ],
              "peerPartnerIds": [ "ptn_1a6s3d8f0g5h2j7k4l9z" ], "seededAt": "2026-11-20T10:00:00+00:00", "lastUsedAt": "2026-12-01T09:30:00+00:00", "purgeableAfter": "2027-03-01T09:30:00+00:00" }
            """,
        [typeof(SimulatorResponse)] = """{ "name": "bank-gateway", "mode": "failing", "modes": [ "healthy", "slow", "failing", "duplicate_reports" ] }""",
        [typeof(SimulatorRequestResponse)] = """
            { "id": "simcall_7y2t5r0e3w8q1u6i4o9p", "at": "2026-12-01T09:31:10+00:00", "method": "POST", "path": "/payouts", "mode": "healthy", "status": 200,
              "requestBody": "{\"payoutId\":\"pay_9o4i7u2y5t8r1e6w3q0a\",\"amount\":\"12220.00\",\"currency\":\"CNY\"}", "responseBody": "{\"status\":\"accepted\"}" }
            """,
        [typeof(ClockResponse)] = """{ "now": "2026-12-02T09:30:00+00:00", "platformNow": "2026-12-01T09:30:00+00:00", "offset": "P1D" }""",
        [typeof(AdvanceClockResponse)] = """
            { "clock": { "now": "2026-12-02T09:30:00+00:00", "platformNow": "2026-12-01T09:30:00+00:00", "offset": "P1D" },
              "ran": { "from": "2026-12-01T09:30:00+00:00", "to": "2026-12-02T09:30:00+00:00", "ordersConfirmed": 1, "ordersShipped": 1, "ordersDelivered": 0,
                "ordersHeldBack": [ { "orderId": "ord_8p3o6i1u4y9t2r7e5w0q", "status": "awaiting_payment", "reason": "Waiting for the prepayment" } ],
                "transfersExpired": 0, "monthsClosed": [], "payoutsAttempted": 0, "disputesPastSla": 0 } }
            """,
        [typeof(ClockAdvanceResponse)] = """
            { "id": "advance_4k8d2n6s0f3h7j1l5q9w", "status": "advancing", "from": "2026-12-01T09:30:00+00:00", "to": "2026-12-31T09:30:00+00:00",
              "progress": { "orderStepsDone": 1200, "orderStepsExpected": 3600, "ordersHeldBack": 2 },
              "createdAt": "2026-12-01T09:30:00+00:00", "completedAt": null }
            """,
        [typeof(SnapshotResponse)] = """
            { "id": "snap_3e8r1t6y9u4i7o2p5a0s", "name": "Before the December close", "createdAt": "2026-12-01T09:30:00+00:00", "clockAt": "2026-12-02T09:30:00+00:00", "clockOffset": "P1D" }
            """,

        // Webhooks
        [typeof(WebhookResponse)] = Webhook,
        [typeof(WebhookWithSecretResponse)] = $$"""{ "webhook": {{Webhook}}, "secret": "whsec_q0V4m3JX8Jx0bQ0p2Zr8c6mYd5N1c5mWlJ0C7qH8Yk4=" }""",
        [typeof(WebhookDeliveryResponse)] = """
            { "id": 88213, "eventId": "evt_3m7n1b5v9c2x6z0l4k8j", "eventType": "order.status_changed", "sequence": 1043, "attempt": 1, "attemptedAt": "2026-12-01T09:31:13+00:00",
              "succeeded": true, "statusCode": 200, "latencyMs": 84, "error": null }
            """,

        // Request log
        [typeof(LoggedRequestResponse)] = """
            { "id": "reqlog_5x2k9d1m0a3bq7w4e8r1", "at": "2026-12-01T09:30:12+00:00", "method": "POST", "path": "/v2/orders", "status": 409, "latencyMs": 38,
              "requestId": "req_5f2c9a7e1b3d4f6a8c0e2b4d6f8a0c1e", "clientId": "sbx_3k9d7f2m1q8w4e6r5t0y", "idempotencyKey": "po-1001-create",
              "problemCode": "insufficient_stock", "userAgent": "PartnerPlatform.Sdk/1.0.0 (.NET 10.0.0; Linux 6.8)" }
            """,
        [typeof(ClientVersionUsage)] = """
            { "client": "PartnerPlatform.Sdk/1.0.0", "partners": 12, "requests": 184220, "lastSeenAt": "2026-12-01T09:30:12+00:00" }
            """,

        // Admin: partners, credentials, audit
        [typeof(PartnerResponse)] = """
            { "id": "ptn_6y3t9r1e5w8q2u7i4o0p", "name": "Huadong Leather Trading Co.", "tier": "advanced", "creditRating": "B", "cooperationMode": "regional_distribution", "regionCode": "CN-SH",
              "parentPartnerId": null, "status": "active", "agreement": { "versionId": "agv_5h2k8m1n4p7q0r3s6t9v", "discountRate": null, "effectiveDiscountRate": 0.10, "annualTarget": 3000000.00, "annualPurchaseCommitment": null },
              "qualification": { "businessLicenceNumber": "91310115MA1K4XXXXX", "verifiedOn": "2026-11-20", "qualified": true }, "exitDate": null,
              "createdAt": "2026-11-20T10:00:00+00:00", "updatedAt": "2026-11-20T10:00:00+00:00" }
            """,
        [typeof(AgreementVersionResponse)] = """
            { "id": "agv_5h2k8m1n4p7q0r3s6t9v", "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "number": 2, "status": "draft", "origin": "negotiated",
              "terms": { "cooperationMode": "regional_distribution", "tier": "basic", "discountRate": 0.15, "effectiveDiscountRate": 0.15, "annualTarget": 900000.00, "annualPurchaseCommitment": 600000.00, "termMonths": 12, "exclusiveRegion": null, "paymentTermDays": 45, "profitShareBrackets": [ { "upTo": 1000000.00, "rate": 0.15 }, { "upTo": null, "rate": 0.20 } ], "effectiveFrom": "2027-01-01", "effectiveTo": "2027-12-31" },
              "documents": { "agreementSha256": "3f0a9c1e5b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a", "confidentialitySupplementSha256": "8e1c3a5f7b9d0e2c4a6f8b1d3e5c7a9f0b2d4e6c8a1f3b5d7e9c0a2f4b6d8e1c" },
              "signatures": [ { "id": "sig_1a4d7g0j3m6p9s2v5y8b", "document": "agreement", "side": "brand", "signerName": "Zhang Min", "signerRole": "Legal counsel", "method": "electronic",
                "documentSha256": "3f0a9c1e5b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a", "signedAt": "2026-12-07T09:30:00+00:00", "recordedBy": "adm_7c2x9v4b1n6m3k8j5h0g2f4d" } ],
              "createdBy": "adm_3d8f1g6h9j2k5l7z4x0c1v9b", "createdAt": "2026-12-03T14:00:00+00:00", "signedAt": null }
            """,
        [typeof(AgreementDiffResponse)] = """
            { "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "fromNumber": 1, "toNumber": 2,
              "changes": [ { "field": "discountRate", "before": "0.12", "after": "0.15" }, { "field": "paymentTermDays", "before": null, "after": "45" } ] }
            """,
        [typeof(CredentialResponse)] = Credential,
        [typeof(OwnCredentialResponse)] = OwnCredential,
        [typeof(OwnCredentialWithSecretResponse)] = $$"""{ "credential": {{OwnCredential}}, "clientSecret": "sk_sbx_t5y8u1i4o7p0a3s6d9f2g5h8j1k4l7z0x3c6v9b2n5m" }""",
        [typeof(PartnerUserResponse)] = PartnerUser,
        [typeof(PartnerUserListResponse)] = $$"""{ "data": [ {{PartnerUser}} ] }""",
        [typeof(LiveCredentialRequestResponse)] = PendingLiveCredentialRequest,
        [typeof(PersonResponse)] = Person,
        [typeof(NewPersonResponse)] = $$"""{ "person": {{Person}}, "initialPassword": "Pw1-q8Xk2mZ7vR4tL9sYbN3c" }""",
        [typeof(LiveCredentialApprovalResponse)] = $$"""
            { "request": {{ApprovedLiveCredentialRequest}}, "credential": {{LiveCredential}}, "clientSecret": "sk_live_p4o8i2u6y0t3r7e1w5q9a3s6d0f4g8h2j5k9l1z3x7c" }
            """,
        [typeof(ApplicationResponse)] = Application,
        [typeof(ApplicationReceivedResponse)] = """
            { "applicationId": "app_2m7q4x9v1c6n3b8z5k0a", "status": "draft", "confirmationSentTo": "l***@nanjing-leather.example.com", "confirmBy": "2026-12-02T09:30:00+00:00" }
            """,
        [typeof(SubmittedApplicationResponse)] = $$"""{ "application": {{Application}}, "sandboxCredential": { "credential": {{Credential}}, "clientSecret": "sk_sbx_h3k9m2p7q4r8s1t6v0w5x9y2z4a7b1c5d8e3f6g0j2l4n7" } }""",
        [typeof(DocumentResponse)] = """
            { "id": "doc_8s3k6f1h9j4l2a7d5g0q", "kind": "business_licence", "fileName": "business-licence.pdf", "contentType": "application/pdf", "size": 482113,
              "sha256": "9f2c4e7a1b3d5f6081a2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e", "expiresOn": "2029-06-30", "uploadedAt": "2026-12-01T10:05:00+00:00" }
            """,
        [typeof(CredentialWithSecretResponse)] = $$"""{ "credential": {{Credential}}, "clientSecret": "sk_sbx_h3k9m2p7q4r8s1t6v0w5x9y2z4a7b1c5d8e3f6g0j2l4n7" }""",
        [typeof(AuditEntryResponse)] = """
            { "sequence": 5121, "id": "aud_7f2d9s4a1l6k3j8h5g0q", "occurredAt": "2026-12-01T09:30:00+00:00", "actor": "cred_1z6x3c8v0b5n2m7k4j9h", "action": "credential.issued",
              "target": "cred_8d3k6f1h9j4l2s7a5g0q", "outcome": "succeeded", "details": "{\"environment\":\"sandbox\",\"scopes\":[\"orders:read\",\"orders:write\",\"inventory:read\"]}",
              "previousHash": "n7Qm1Xo4c9B2v8L0k3Jd6Fh5Ga1Ws7Ep9Ru2Ty4Ui0=", "hash": "q0V4m3JX8Jx0bQ0p2Zr8c6mYd5N1c5mWlJ0C7qH8Yk4=", "keyId": "audit-2026-11" }
            """,
        [typeof(AuditCheckpointResponse)] = Checkpoint,
        [typeof(AuditVerification)] = $$"""
            { "valid": true, "entriesChecked": 121, "verifiedFromSequence": 5000, "latestCheckpoint": {{Checkpoint}} }
            """,

        // Insights
        [typeof(PartnerKpisV2)] = """
            { "period": "2026-03", "startsOn": "2026-03-01", "endsOn": "2026-03-31", "asOf": "2026-04-02T08:00:00+00:00",
              "netSales": { "amount": "9000.00", "currency": "CNY" }, "deliveredSales": { "amount": "10000.00", "currency": "CNY" }, "returnedSales": { "amount": "1000.00", "currency": "CNY" },
              "previousNetSales": { "amount": "7500.00", "currency": "CNY" }, "yearEarlierNetSales": { "amount": "6000.00", "currency": "CNY" },
              "growth": "0.20", "growthYearOnYear": "0.50", "orders": 4, "averageOrderValue": { "amount": "2500.00", "currency": "CNY" },
              "customers": 3, "newCustomers": 2, "repeatCustomers": 2, "repurchaseRate": "0.6667", "footfall": 1200, "conversions": 84, "conversionRate": "0.07",
              "outlets": 2, "regionsCovered": 2, "eventsEnded": 1, "eventsOnTime": 1, "onTimeActivityRate": "1.00",
              "events": [ { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": { "amount": "6500.00", "currency": "CNY" }, "cost": { "amount": "2000.00", "currency": "CNY" }, "roi": "2.25" } ], "topSkus": [ { "sku": "BAG-001", "units": 60, "netSales": { "amount": "9000.00", "currency": "CNY" } } ], "topRegions": [ { "regionCode": "CN-SH-PD", "orders": 3, "netSales": { "amount": "6500.00", "currency": "CNY" } } ], "stockOutRate": "0.0500", "sellThrough": "0.4000", "inventoryTurnover": "1.2500", "definitions": { "netSales": "/docs/guides/insights#net-sales", "growth": "/docs/guides/insights#growth", "repurchaseRate": "/docs/guides/insights#repurchase-rate" } }
            """,
        [typeof(PartnerKpisV1)] = """
            { "period": "2026-03", "startsOn": "2026-03-01", "endsOn": "2026-03-31", "asOf": "2026-04-02T08:00:00+00:00", "currency": "CNY",
              "netSales": 9000.00, "deliveredSales": 10000.00, "returnedSales": 1000.00, "previousNetSales": 7500.00, "yearEarlierNetSales": 6000.00,
              "growth": 0.2, "growthYearOnYear": 0.5, "orders": 4, "averageOrderValue": 2500.00,
              "customers": 3, "newCustomers": 2, "repeatCustomers": 2, "repurchaseRate": 0.6667, "footfall": 1200, "conversions": 84, "conversionRate": 0.07,
              "outlets": 2, "regionsCovered": 2, "eventsEnded": 1, "eventsOnTime": 1, "onTimeActivityRate": 1,
              "events": [ { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": 6500.00, "cost": 2000.00, "roi": 2.25 } ], "topSkus": [ { "sku": "BAG-001", "units": 60, "netSales": 9000.00 } ], "topRegions": [ { "regionCode": "CN-SH-PD", "orders": 3, "netSales": 6500.00 } ], "stockOutRate": 0.05, "sellThrough": 0.4, "inventoryTurnover": 1.25, "definitions": { "netSales": "/docs/guides/insights#net-sales", "growth": "/docs/guides/insights#growth", "repurchaseRate": "/docs/guides/insights#repurchase-rate" } }
            """,
        [typeof(EventReturnV2)] = """
            { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": { "amount": "6500.00", "currency": "CNY" }, "cost": { "amount": "2000.00", "currency": "CNY" }, "roi": "2.25" }
            """,
        [typeof(EventReturnV1)] = """
            { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": 6500.00, "cost": 2000.00, "roi": 2.25 }
            """,
        [typeof(SkuSalesV2)] = """{ "sku": "BAG-001", "units": 60, "netSales": { "amount": "9000.00", "currency": "CNY" } }""",
        [typeof(SkuSalesV1)] = """{ "sku": "BAG-001", "units": 60, "netSales": 9000.00 }""",
        [typeof(RegionSalesV2)] = """{ "regionCode": "CN-SH-PD", "orders": 3, "netSales": { "amount": "6500.00", "currency": "CNY" } }""",
        [typeof(RegionSalesV1)] = """{ "regionCode": "CN-SH-PD", "orders": 3, "netSales": 6500.00 }""",
        [typeof(KpiSeriesV2)] = """
            { "from": "2026-03", "to": "2026-03", "granularity": "month", "periods": [ { "period": "2026-03", "startsOn": "2026-03-01", "endsOn": "2026-03-31", "asOf": "2026-04-02T08:00:00+00:00",
              "netSales": { "amount": "9000.00", "currency": "CNY" }, "deliveredSales": { "amount": "10000.00", "currency": "CNY" }, "returnedSales": { "amount": "1000.00", "currency": "CNY" },
              "previousNetSales": { "amount": "7500.00", "currency": "CNY" }, "yearEarlierNetSales": { "amount": "6000.00", "currency": "CNY" },
              "growth": "0.20", "growthYearOnYear": "0.50", "orders": 4, "averageOrderValue": { "amount": "2500.00", "currency": "CNY" },
              "customers": 3, "newCustomers": 2, "repeatCustomers": 2, "repurchaseRate": "0.6667", "footfall": 1200, "conversions": 84, "conversionRate": "0.07",
              "outlets": 2, "regionsCovered": 2, "eventsEnded": 1, "eventsOnTime": 1, "onTimeActivityRate": "1.00",
              "events": [ { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": { "amount": "6500.00", "currency": "CNY" }, "cost": { "amount": "2000.00", "currency": "CNY" }, "roi": "2.25" } ], "topSkus": [ { "sku": "BAG-001", "units": 60, "netSales": { "amount": "9000.00", "currency": "CNY" } } ], "topRegions": [ { "regionCode": "CN-SH-PD", "orders": 3, "netSales": { "amount": "6500.00", "currency": "CNY" } } ], "definitions": { "netSales": "/docs/guides/insights#net-sales", "growth": "/docs/guides/insights#growth", "repurchaseRate": "/docs/guides/insights#repurchase-rate" } } ] }
            """,
        [typeof(KpiSeriesV1)] = """
            { "from": "2026-03", "to": "2026-03", "granularity": "month", "periods": [ { "period": "2026-03", "startsOn": "2026-03-01", "endsOn": "2026-03-31", "asOf": "2026-04-02T08:00:00+00:00", "currency": "CNY",
              "netSales": 9000.00, "deliveredSales": 10000.00, "returnedSales": 1000.00, "previousNetSales": 7500.00, "yearEarlierNetSales": 6000.00,
              "growth": 0.2, "growthYearOnYear": 0.5, "orders": 4, "averageOrderValue": 2500.00,
              "customers": 3, "newCustomers": 2, "repeatCustomers": 2, "repurchaseRate": 0.6667, "footfall": 1200, "conversions": 84, "conversionRate": 0.07,
              "outlets": 2, "regionsCovered": 2, "eventsEnded": 1, "eventsOnTime": 1, "onTimeActivityRate": 1,
              "events": [ { "eventId": "pev_3k8j2h7g1f6d5s4a9q0w", "name": "Spring launch", "start": "2026-03-10", "end": "2026-03-12", "endedOnTime": true, "sales": 6500.00, "cost": 2000.00, "roi": 2.25 } ], "topSkus": [ { "sku": "BAG-001", "units": 60, "netSales": 9000.00 } ], "topRegions": [ { "regionCode": "CN-SH-PD", "orders": 3, "netSales": 6500.00 } ], "definitions": { "netSales": "/docs/guides/insights#net-sales", "growth": "/docs/guides/insights#growth", "repurchaseRate": "/docs/guides/insights#repurchase-rate" } } ] }
            """,
        [typeof(BrandInsightsResponse)] = """
            { "period": "2026-03", "environment": "live", "asOf": "2026-04-02T08:00:00+00:00", "netSales": { "amount": "21150000.00", "currency": "CNY" },
              "previousNetSales": { "amount": "19800000.00", "currency": "CNY" }, "growth": "0.0682", "orders": 42300, "partners": 968,
              "byTier": [ { "key": "advanced", "partners": 412, "orders": 18240, "netSales": { "amount": "9120000.00", "currency": "CNY" }, "share": "0.4312" } ], "byRating": [ { "key": "A", "partners": 412, "orders": 18240, "netSales": { "amount": "9120000.00", "currency": "CNY" }, "share": "0.4312" } ], "byRegion": [ { "key": "CN-SH", "partners": 412, "orders": 18240, "netSales": { "amount": "9120000.00", "currency": "CNY" }, "share": "0.4312" } ],
              "byCooperationMode": [ { "key": "regional_distribution", "partners": 412, "orders": 18240, "netSales": { "amount": "9120000.00", "currency": "CNY" }, "share": "0.4312" } ], "ranked": [ { "rank": 1, "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "name": "Shanghai Leather Co.", "tier": "strategic", "creditRating": "A", "cooperationMode": "exclusive_agency", "regionCode": "CN-SH", "orders": 412, "netSales": { "amount": "244400.00", "currency": "CNY" }, "growth": "0.125" } ] }
            """,
        [typeof(InsightsBreakdown)] = """{ "key": "advanced", "partners": 412, "orders": 18240, "netSales": { "amount": "9120000.00", "currency": "CNY" }, "share": "0.4312" }""",
        [typeof(RankedPartner)] = """{ "rank": 1, "partnerId": "ptn_6y3t9r1e5w8q2u7i4o0p", "name": "Shanghai Leather Co.", "tier": "strategic", "creditRating": "A", "cooperationMode": "exclusive_agency", "regionCode": "CN-SH", "orders": 412, "netSales": { "amount": "244400.00", "currency": "CNY" }, "growth": "0.125" }""",
        [typeof(RebuildInsightsResponse)] = """{ "partnerId": null, "ordersReplayed": 1000000 }""",
    };

    /// <summary>The Idempotency-Key a write's example is sent with.</summary>
    public const string IdempotencyKey = "5f0c8a1e-3b7d-4c2a-9e6f-1d8b4a7c2e90";

    /// <summary>The cursor a page example hands on: what <c>?cursor=</c> takes for the next page.</summary>
    public const string NextCursor = "YzEfMjAyNi0xMi0wMVQwOTozMDowMFofb3JkXzV0MXI4ZTN3NnE5eTJ1NGk3bzBw";

    /// <summary>A stock import upload, by its media type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Uploads = new Dictionary<string, string>
    {
        ["application/x-ndjson"] = """
            {"locationId":"loc_7k2m9q4x1v8c3n6b5z0a","sku":"BAG-001","onHand":120}
            {"locationId":"loc_7k2m9q4x1v8c3n6b5z0a","sku":"BELT-003","delta":24,"reason":"received"}

            """,
        ["text/csv"] = """
            locationId,sku,onHand
            loc_7k2m9q4x1v8c3n6b5z0a,BAG-001,120
            loc_7k2m9q4x1v8c3n6b5z0a,WALLET-002,45

            """,
    };
}
