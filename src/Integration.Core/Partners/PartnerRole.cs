namespace Integration.Core.Partners;

/// <summary>
/// What a partner's own person may do in the portal (domain.md › Internal roles, last paragraph). A partner user has
/// exactly one; internal people have none.
/// </summary>
public enum PartnerRole
{
    /// <summary>Reads what the partner's people may read; changes nothing.</summary>
    Viewer,

    /// <summary>Statements and disputes.</summary>
    Finance,

    /// <summary>Credentials, webhooks, the sandbox and the request log.</summary>
    Developer,

    /// <summary>Everything of the partner, including its users.</summary>
    Owner,
}
