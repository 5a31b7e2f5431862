namespace Integration.Api.ApiDocs;

/// <summary>The business refusals an operation can answer with, declared in its OpenAPI description as problem+json.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProblemResponsesAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;

    public static string Describe(int status) => status switch
    {
        403 => "Refused for this account (e.g. account_frozen, account_exited).",
        409 => "Conflicts with the resource's state (e.g. invalid_transition, duplicate_reference, insufficient_stock, idempotency_key_in_use; clock_advancing while a sandbox clock advances in the background).",
        412 => "If-Match names an older version of the resource (precondition_failed).",
        413 => "The body is larger than the platform accepts (payload_too_large).",
        415 => "The body is not JSON, or not in UTF-8 (unsupported_media_type).",
        422 => "Understood but not acceptable (e.g. unknown_sku, idempotency_key_reused).",
        428 => "This request needs If-Match with the resource's ETag (if_match_required).",
        _ => "See the problem's code.",
    };
}
