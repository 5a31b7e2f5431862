namespace PartnerPlatform.Sdk;

/// <summary>Per-call settings, taken by every method (the last parameter before the cancellation token).</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The Idempotency-Key for a write that takes one (creates, cancels, adjustments, imports…). Leave it
    /// empty and the SDK makes one (a UUID) and reuses it across this call's retries; set it to your own
    /// to make a retry of your own (after a crash, say) safe. Reads ignore it.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>How long this call may take in all, retries included, instead of <see cref="PartnerClientOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Headers added to this call's requests (not to the token request): your own correlation header, or
    /// <c>X-Request-Id</c> to choose the request id the platform logs and answers with.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The credential this call is made with, instead of the client's own (<see cref="PartnerClientOptions.ClientId"/>):
    /// one client acting for several partners. Each credential's token is fetched once and cached on its own.
    /// </summary>
    public PartnerCredential? Credential { get; set; }

    /// <summary>
    /// The environment this call is made in, instead of <see cref="PartnerClientOptions.Environment"/>: it goes
    /// to that environment's address (<see cref="PartnerClientOptions.SandboxBaseAddress"/>,
    /// <see cref="PartnerClientOptions.LiveBaseAddress"/>) and its credential must be of that environment.
    /// </summary>
    public ApiEnvironment? Environment { get; set; }

    internal static string KeyOrNew(RequestOptions? options) => string.IsNullOrEmpty(options?.IdempotencyKey) ? Guid.NewGuid().ToString() : options.IdempotencyKey;
}
