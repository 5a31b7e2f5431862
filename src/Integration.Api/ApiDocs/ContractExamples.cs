using Integration.Application.Catalog;
using Integration.Application.Credentials;
using Integration.Application.Disputes;
using Integration.Application.Inventory;
using Integration.Application.Orders;
using Integration.Application.Partners;
using Integration.Application.Settlement;
using Integration.Application.Webhooks;
using Integration.Api.Catalog;
using Integration.Api.Credentials;
using Integration.Api.Disputes;
using Integration.Api.Inventory;
using Integration.Api.Orders;
using Integration.Api.Partners;
using Integration.Api.Sandbox;
using Integration.Api.Settlement;
using Integration.Api.Webhooks;

namespace Integration.Api.ApiDocs;

/// <summary>
/// The example of every request body, in one place, as a partner would write it: the demo SKUs a freshly started
/// platform seeds (<c>BAG-001</c>, <c>WALLET-002</c>, <c>BELT-003</c>), ids with their prefixes, v2 money as decimal
/// strings. <see cref="ExamplesOfTheContract"/> writes each into its schema, so Swagger UI's "Try it out" starts from
/// it, and the tests check every one against its own schema and send the main writes to a fresh platform.
/// Ids of things a fresh platform does not have yet (a location, an order) stand for the ones you get back.
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

        // Settlement and disputes
        [typeof(OpenDisputeRequest)] = """{ "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "amount": 120.00, "reason": "Two bags arrived with damaged stitching" }""",
        [typeof(OpenDisputeRequestV2)] = """{ "orderId": "ord_5t1r8e3w6q9y2u4i7o0p", "amount": "120.00", "reason": "Two bags arrived with damaged stitching" }""",
        [typeof(ResolveDisputeRequest)] = """{ "outcome": "accepted", "adjustment": 120.00, "note": "Damage confirmed by the carrier's report." }""",
        [typeof(ResolveDisputeRequestV2)] = """{ "outcome": "accepted", "adjustment": "120.00", "note": "Damage confirmed by the carrier's report." }""",
        [typeof(RecordPaymentRequest)] = """{ "amount": 248000.00 }""",
        [typeof(RecordSubsidyRequest)] = """{ "environment": "live", "eventName": "Shanghai flagship opening", "cost": 80000.00 }""",
        [typeof(CloseSettlementRequest)] = """{ "period": "2026-11", "environment": "live" }""",

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
        [typeof(IssueInternalCredentialRequest)] = """{ "name": "Finance console" }""",
        [typeof(RotateCredentialRequest)] = """{ "overlapMinutes": 60 }""",
        [typeof(CreateProductRequest)] = """{ "sku": "SCARF-004", "name": "Silk scarf", "listPrice": 399.00, "currency": "CNY", "active": true }""",
        [typeof(UpdateProductRequest)] = """{ "listPrice": 429.00 }""",
    };

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
