using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>
/// The discovery document lists only what a partner can use and the docs describe: the client credentials grant
/// with a client secret (basic or post), the API's scopes. OpenIddict also advertises OpenID Connect parts that this
/// server has no use for (the <c>openid</c> scope, <c>prompt</c> values, ID token algorithms, subject types) and
/// <c>private_key_jwt</c>, which no credential here can use; a client library reading them would be misled.
/// </summary>
public sealed class DiscoveryOfWhatIsSupported : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryOfWhatIsSupported>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1_000) // after every handler that fills the document
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Scopes.Remove(Scopes.OpenId);
        context.PromptValues.Clear();
        context.IdTokenSigningAlgorithms.Clear();
        context.SubjectTypes.Clear();
        context.Claims.Clear();
        foreach (var methods in new[] { context.TokenEndpointAuthenticationMethods, context.IntrospectionEndpointAuthenticationMethods, context.RevocationEndpointAuthenticationMethods })
        {
            methods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
        }
        return ValueTask.CompletedTask;
    }
}
