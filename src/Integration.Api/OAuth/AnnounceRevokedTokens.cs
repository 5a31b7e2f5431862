using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

/// <summary>
/// After <c>/connect/revoke</c> marks a token entry revoked, every instance forgets what it remembered
/// of that token's credential, so the token is refused everywhere at once rather than within the
/// revocation check interval.
/// </summary>
public sealed class AnnounceRevokedTokens(CredentialActivity activity) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseSingletonHandler<AnnounceRevokedTokens>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (!context.IsRejected && context.GenericTokenPrincipal?.FindFirst(PlatformClaims.CredentialId)?.Value is { } credentialId)
        {
            activity.Forget(credentialId);
        }
        return ValueTask.CompletedTask;
    }
}
