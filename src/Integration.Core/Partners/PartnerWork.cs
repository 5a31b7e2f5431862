namespace Integration.Core.Partners;

/// <summary>What a partner user may change, by area (domain.md › Internal roles, last paragraph); every role reads.</summary>
public enum PartnerWork
{
    /// <summary>Credentials, webhooks, the sandbox, the request log: owners and developers.</summary>
    Technical,

    /// <summary>Statements and disputes: owners and finance.</summary>
    Money,

    /// <summary>The partner's portal users: owners only.</summary>
    People,

    /// <summary>Stock and transfers between partners: owners only (domain.md names them for no other partner role).</summary>
    Stock,
}
