namespace Integration.Core.Credentials;

public enum CredentialKind
{
    /// <summary>Issued to a partner for one environment; reaches the partner API.</summary>
    Partner,

    /// <summary>Issued to an internal team; reaches the admin API only.</summary>
    Internal,
}

public enum CredentialStatus
{
    Active,
    Revoked,
}
