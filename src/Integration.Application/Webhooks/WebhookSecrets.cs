using Integration.Core.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace Integration.Application.Webhooks;

/// <summary>
/// Signing secrets must be readable to sign, so they are encrypted at rest with the platform's
/// DataProtection keys (ADR 0008) rather than hashed like client secrets.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Integration.Webhooks.SigningSecret.v1");

    public (string Secret, string Protected) New()
    {
        var secret = WebhookSignature.NewSecret();
        return (secret, _protector.Protect(secret));
    }

    /// <summary>The secrets that sign now: the current one, and the previous one during a rotation's overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(WebhookSubscription subscription, DateTimeOffset now) =>
        subscription.PreviousProtectedSecret is { } previous && subscription.PreviousSecretExpiresAt > now
            ? [_protector.Unprotect(subscription.ProtectedSecret), _protector.Unprotect(previous)]
            : [_protector.Unprotect(subscription.ProtectedSecret)];
}
