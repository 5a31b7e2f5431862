namespace Integration.Application.Environments;

/// <summary>
/// What an environment prepares for a partner when a credential for it is issued (the sandbox seeds the
/// partner's world); registered keyed by its <see cref="Integration.Core.Common.ApiEnvironment"/>, absent where there is nothing to prepare.
/// </summary>
public interface IEnvironmentProvisioning
{
    Task OnCredentialIssuedAsync(string partnerId, CancellationToken cancellationToken);
}
