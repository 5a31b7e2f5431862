using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Api.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace Integration.Api.ApiDocs;

/// <summary>
/// The problem an operation answers a status with, as the platform writes it: the code's page as <c>type</c>, the
/// status's reason phrase as <c>title</c>, the catalogue's meaning (docs/errors.md) as <c>detail</c>, and the fields of a
/// 400 in <c>errors</c>. The code is the operation's own refusal where it has one, else the status's general code.
/// </summary>
public static partial class ProblemExamples
{
    /// <summary>Where the examples' problem pages are: a partner's platform URL (the documents must not depend on the host).</summary>
    public const string Host = "https://partners.example.com";

    /// <summary>The refusal most worth knowing for an operation (by its name in the documents) and status.</summary>
    private static readonly Dictionary<(string Operation, int Status), string> Particular = new()
    {
        [("Apply", 401)] = "application_key_invalid",
        [("ConfirmApplication", 401)] = "application_key_invalid",
        [("CreateOrder", 403)] = "account_frozen",
        [("CreateOrder", 409)] = "duplicate_reference",
        [("CreateOrder", 422)] = "unknown_sku",
        [("CreateOutlet", 422)] = "closed_before_opened",
        [("UpdateOutlet", 422)] = "closed_before_opened",
        [("ReportOutletDay", 422)] = "conversions_exceed_footfall",
        [("CreatePromotionEvent", 422)] = "unknown_outlet",
        [("UpdatePromotionEvent", 422)] = "actual_end_before_start",
        [("CancelOrder", 403)] = "account_frozen",
        [("CancelOrder", 409)] = "invalid_transition",
        [("AdjustStock", 409)] = "below_reserved",
        [("AdjustStock", 422)] = "unknown_sku",
        [("BulkSetStock", 409)] = "below_reserved",
        [("BulkSetStock", 422)] = "bulk_rejected",
        [("CreateStockImport", 422)] = "import_too_large",
        [("SetStockLevel", 409)] = "below_reserved",
        [("SetStockLevel", 422)] = "unknown_sku",
        [("RequestTransfer", 409)] = "insufficient_stock",
        [("RequestTransfer", 422)] = "transfer_to_self",
        [("RequestTransfer", 403)] = "account_frozen",
        [("AcceptTransfer", 409)] = "invalid_transition",
        [("AcceptTransfer", 403)] = "not_transfer_owner",
        [("RejectTransfer", 409)] = "invalid_transition",
        [("RejectTransfer", 403)] = "not_transfer_owner",
        [("SandboxConfirmOrder", 409)] = "invalid_transition",
        [("SandboxShipOrder", 409)] = "invalid_transition",
        [("SandboxDeliverOrder", 409)] = "invalid_transition",
        [("SandboxCancelOrder", 409)] = "invalid_transition",
        [("SandboxReturnOrder", 409)] = "return_window_closed",
        [("SandboxRecordOrderPrepayment", 409)] = "invalid_transition",
        [("SandboxRecordOrderPrepayment", 422)] = "prepayment_mismatch",
        [("SandboxRecordStatementPayment", 409)] = "nothing_due",
        [("SandboxResolveDispute", 409)] = "dispute_resolved",
        [("SandboxResolveDispute", 422)] = "amount_exceeds_disputed",
        [("AdvanceSandboxClock", 422)] = "advance_too_far",
        [("CreateSandboxSnapshot", 409)] = "snapshot_limit_reached",
        [("SetSandboxSimulatorMode", 422)] = "unsupported_simulator_mode",
        [("CreateWebhook", 409)] = "webhook_limit_reached",
        [("CreateWebhook", 422)] = "webhook_target_forbidden",
        [("UpdateWebhook", 422)] = "webhook_target_forbidden",
        [("ReplayWebhook", 422)] = "replay_out_of_range",
        [("RotateCredential", 409)] = "credential_revoked",
        [("RevokeCredential", 409)] = "credential_revoked",
        [("ResolveDispute", 409)] = "dispute_resolved",
        [("ConfirmOrder", 409)] = "invalid_transition",
        [("ShipOrder", 409)] = "invalid_transition",
        [("DeliverOrder", 409)] = "invalid_transition",
        [("CancelOrderAdmin", 409)] = "invalid_transition",
        [("ReturnOrder", 409)] = "return_window_closed",
        [("RecordOrderPrepayment", 409)] = "invalid_transition",
        [("RecordOrderPrepayment", 422)] = "prepayment_mismatch",
        [("CreatePartner", 409)] = "exclusive_agent_exists",
        [("CreatePartner", 422)] = "invalid_parent",
        [("UpdatePartner", 409)] = "exclusive_agent_exists",
        [("FreezePartner", 409)] = "invalid_transition",
        [("CreatePerson", 409)] = "person_exists",
        [("UnfreezePartner", 409)] = "invalid_transition",
        [("CreateProduct", 409)] = "sku_exists",
        [("CloseSettlements", 422)] = "period_not_ended",
        [("RecordSettlementPayment", 409)] = "nothing_due",
        [("CreateAuditCheckpoint", 409)] = "audit_log_empty",
        [("DraftAgreementVersion", 422)] = "invalid_terms",
        [("ReviseAgreementDraft", 409)] = "agreement_signing_started",
        [("ReviseAgreementDraft", 422)] = "invalid_terms",
        [("SignAgreementForBrand", 409)] = "already_signed",
        [("SignAgreementForBrand", 422)] = "document_hash_mismatch",
        [("RecordPartnerSignature", 409)] = "agreement_not_latest_draft",
        [("RecordPartnerSignature", 422)] = "document_hash_mismatch",
        [("StartPartnerExit", 409)] = "invalid_transition",
        [("StartPartnerExit", 422)] = "exit_date_in_past",
        [("IssuePartnerCredential", 422)] = "live_credential_needs_approval",
        [("RotateCredential", 403)] = "internal_credential",
        [("RevokeCredential", 403)] = "internal_credential",
        [("RequestLiveCredential", 422)] = "onboarding_incomplete",
        [("ApproveLiveCredentialRequest", 403)] = "four_eyes_required",
        [("ApproveLiveCredentialRequest", 409)] = "request_decided",
        [("RejectLiveCredentialRequest", 403)] = "four_eyes_required",
        [("RejectLiveCredentialRequest", 409)] = "request_decided",
        [("ApproveResolutionProposal", 403)] = "four_eyes_required",
        [("ApproveResolutionProposal", 409)] = "no_resolution_proposed",
    };

    /// <summary>The example ids a path's parameters stand for, by the segment before them.</summary>
    private static readonly Dictionary<string, string> IdsBySegment = new(StringComparer.Ordinal)
    {
        ["orders"] = "ord_5t1r8e3w6q9y2u4i7o0p", ["locations"] = "loc_7k2m9q4x1v8c3n6b5z0a", ["stock"] = "BAG-001", ["products"] = "BAG-001",
        ["transfers"] = "trf_8u3y6t1r4e9w2q7p5o0i", ["disputes"] = "dsp_4r9e2w7q1t6y3u8i5o0p", ["webhooks"] = "whk_2b7n4m9x1c6v3z8q5w0e",
        ["partners"] = "ptn_6y3t9r1e5w8q2u7i4o0p", ["credentials"] = "cred_8d3k6f1h9j4l2s7a5g0q", ["settlements"] = "stm_2k7j4h9g1f6d3s8a5l0q",
        ["statements"] = "stm_2k7j4h9g1f6d3s8a5l0q", ["payouts"] = "pay_9o4i7u2y5t8r1e6w3q0a", ["snapshots"] = "snap_3e8r1t6y9u4i7o2p5a0s",
        ["imports"] = "imp_1q6w3e8r5t0y7u2i9o4p", ["simulators"] = "payment_gateway", ["brand-stock"] = "BAG-001",
        ["agreements"] = "agv_5h2k8m1n4p7q0r3s6t9v", ["outlets"] = "out_4d8f2k6m1q9s3v7x5z0b", ["activity-reports"] = "2026-11-30",
        ["promotion-events"] = "pev_6t2w8y4a0c5e1g7i3k9m",
    };

    /// <param name="operation">The operation's name in the documents.</param>
    /// <param name="path">Its route, e.g. <c>v2/orders/{id}/cancel</c>.</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="idempotent">Whether it takes an Idempotency-Key, whose misuse is its 409 and 422 by default.</param>
    /// <param name="field">The field a 400 names in <c>errors</c>.</param>
    public static JsonObject For(string? operation, string path, int status, bool idempotent, string field)
    {
        var code = operation is not null && Particular.TryGetValue((operation, status), out var particular) ? particular
            : status == StatusCodes.Status403Forbidden && path.TrimStart('/').StartsWith("admin/", StringComparison.Ordinal) ? "insufficient_role"
            : General(status, idempotent);
        var problem = new JsonObject
        {
            ["type"] = $"{Host}{ProblemPages.Path}/{code}",
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = ProblemPages.Codes.TryGetValue(code, out var entry) ? Detail(entry.Meaning) : null,
            ["instance"] = Instance(path),
            ["code"] = code,
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
            ["requestId"] = "req_2b0c1d7e9f4a4c8b8d3e6f1a5b7c9d0e",
        };
        if (status == StatusCodes.Status400BadRequest)
        {
            problem["errors"] = new JsonObject { [field] = new JsonArray($"{field} is not in the documented format.") };
        }
        return problem;
    }

    private static string General(int status, bool idempotent) => status switch
    {
        400 => "validation_failed",
        403 => "insufficient_scope",
        409 when idempotent => "idempotency_key_in_use",
        422 when idempotent => "idempotency_key_reused",
        428 => "if_match_required",
        _ => Problems.DefaultCode(status),
    };

    private static string Instance(string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = IdsBySegment.GetValueOrDefault(segments[i - 1], "ord_5t1r8e3w6q9y2u4i7o0p");
            }
        }
        return "/" + string.Join('/', segments).TrimStart('/');
    }

    /// <summary>The catalogue's meaning as a sentence of plain text, as a problem's detail is.</summary>
    private static string Detail(string meaning)
    {
        var text = Link().Replace(meaning.Replace("`", "").Replace("\\|", "|"), "$1");
        return char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
    }

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();
}
