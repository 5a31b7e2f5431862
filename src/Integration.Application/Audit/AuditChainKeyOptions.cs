namespace Integration.Application.Audit;

/// <summary>One configured audit chain key: <c>Audit:ChainKeys:{n}:Id</c> and <c>…:Key</c> (base64, 32 bytes or more).</summary>
public sealed class AuditChainKeyOptions
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";
}
