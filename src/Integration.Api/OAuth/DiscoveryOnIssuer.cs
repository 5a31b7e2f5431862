using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>
/// OpenIddict builds the discovery document's endpoint URLs from the host a request came by; behind a
/// load balancer that is an instance's own address. With <c>OAuth:Issuer</c> set, they are built on it.
/// </summary>
public sealed class DiscoveryOnIssuer : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryOnIssuer>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.Options.Issuer is not { } issuer)
        {
            return ValueTask.CompletedTask;
        }
        context.TokenEndpoint = OnIssuer(issuer, context.Options.TokenEndpointUris, context.TokenEndpoint);
        context.JsonWebKeySetEndpoint = OnIssuer(issuer, context.Options.JsonWebKeySetEndpointUris, context.JsonWebKeySetEndpoint);
        context.RevocationEndpoint = OnIssuer(issuer, context.Options.RevocationEndpointUris, context.RevocationEndpoint);
        context.IntrospectionEndpoint = OnIssuer(issuer, context.Options.IntrospectionEndpointUris, context.IntrospectionEndpoint);
        return ValueTask.CompletedTask;
    }

    private static Uri? OnIssuer(Uri issuer, List<Uri> endpoints, Uri? current) =>
        current is null || endpoints.FirstOrDefault() is not { } endpoint
            ? current
            : endpoint.IsAbsoluteUri ? endpoint : new Uri(issuer, endpoint.OriginalString.TrimStart('/'));
}
