namespace PartnerPlatform.Sdk;

/// <summary>
/// A partner's API credential (client id and secret), for a call made on that partner's behalf:
/// <c>new RequestOptions { Credential = new PartnerCredential("sbx_…", secret) }</c>. The secret is
/// never written out: <see cref="ToString"/> shows the client id only.
/// </summary>
public sealed class PartnerCredential
{
    /// <summary>A credential as the platform issued it.</summary>
    /// <param name="clientId">Its client id (<c>sbx_…</c> or <c>live_…</c>).</param>
    /// <param name="clientSecret">Its secret.</param>
    public PartnerCredential(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The secret. Keep it out of source control and logs.</summary>
    public string ClientSecret { get; }

    /// <summary>The client id, never the secret.</summary>
    public override string ToString() => $"PartnerCredential {ClientId}";
}
