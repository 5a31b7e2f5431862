namespace Integration.Core.Common;

/// <summary>The data world a credential lives in. It comes from the credential, never from the request.</summary>
public enum ApiEnvironment
{
    Live,
    Sandbox,
}
