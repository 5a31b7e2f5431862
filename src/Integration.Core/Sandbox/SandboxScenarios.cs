namespace Integration.Core.Sandbox;

/// <summary>One published sandbox behaviour: what triggers it and what happens.</summary>
public sealed record SandboxScenario(string Name, string Trigger, string Outcome);

/// <summary>
/// The sandbox's named scenarios. They are published in the OpenAPI documents
/// (<c>x-sandbox-scenarios</c>) and docs/sandbox.md; there are no other magic values.
/// </summary>
public static class SandboxScenarios
{
    public const string OutOfStockSku = "SBX-OUT-OF-STOCK";
    public const string FailPaymentReferencePrefix = "SBX-FAIL-PAYMENT";

    public static readonly IReadOnlyList<SandboxScenario> All =
    [
        new("out_of_stock", $"An order with a line of SKU {OutOfStockSku}",
            "Confirming it (POST /v1/sandbox/actions/orders/{id}/confirm, or the clock's order schedule) answers 409 insufficient_stock and nothing changes."),
        new("failed_prepayment", $"An awaiting_payment order whose reference starts with {FailPaymentReferencePrefix}",
            "Recording its prepayment (POST /v1/sandbox/actions/orders/{id}/record-prepayment) answers 402 payment_failed; the order stays awaiting_payment."),
        new("dispute_level_1", "A dispute of up to 49,999.99", "Level 1: a regional manager, 48-hour SLA; advancing past the deadline lists it with sla_breached=true."),
        new("dispute_level_2", "A dispute from 50,000.00 to 500,000.00", "Level 2: legal."),
        new("dispute_level_3", "A dispute above 500,000.00 (e.g. 500,000.01)",
            "Level 3: the risk committee; the sandbox account is frozen (403 account_frozen on orders, inventory and payouts) until the dispute is resolved."),
        new("bank_gateway_modes", "POST /v1/sandbox/simulators/bank-gateway/mode with healthy | slow | failing | duplicate_reports",
            "Payouts are paid; stay pending as 'processing' until the next run; fail and retry until needs_attention; or are reported twice and recorded once."),
        new("carrier_modes", "POST /v1/sandbox/simulators/carrier/mode with healthy | failing",
            "Shipped orders are delivered when the clock passes their delivery day, or stay shipped while tracking is unavailable."),
    ];
}
