using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>
/// Signing-key rotation without a gap: tokens signed by a previous certificate (by instances not yet
/// moved to the new one, or issued just before the move) keep validating on every instance, and the
/// JWKS keeps publishing the previous keys so partners' own gateways can verify those tokens too.
/// Only the current certificate signs.
/// </summary>
public sealed class PreviousSigningKeys : IPostConfigureOptions<OpenIddictValidationOptions>, IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    private readonly IReadOnlyList<SecurityKey> _keys;

    public PreviousSigningKeys(IReadOnlyList<X509Certificate2> certificates) =>
        _keys = certificates.Select(certificate => OAuthSetup.SigningKeyOf(certificate).Key).ToList();

    /// <summary>Publishes the previous keys in the JWKS, after OpenIddict has published the current one.</summary>
    public OpenIddictServerHandlerDescriptor Descriptor =>
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler(this)
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>The API validates its own tokens with the keys OpenIddict copied from the server's signing credentials; these join them.</summary>
    public void PostConfigure(string? name, OpenIddictValidationOptions options)
    {
        foreach (var key in _keys)
        {
            options.Configuration?.SigningKeys.Add(key);
        }
    }

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        foreach (var key in _keys.Where(k => context.Keys.All(published => published.Kid != k.KeyId)))
        {
            var jwk = JsonWebKeyConverter.ConvertFromSecurityKey(PublicPartOf(key));
            jwk.Use = JsonWebKeyUseNames.Sig;
            context.Keys.Add(jwk);
        }
        return ValueTask.CompletedTask;
    }

    private static SecurityKey PublicPartOf(SecurityKey key) => key switch
    {
        ECDsaSecurityKey ecdsa => new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(ecdsa.ECDsa.ExportParameters(false))) { KeyId = key.KeyId },
        X509SecurityKey x509 => new RsaSecurityKey(x509.Certificate.GetRSAPublicKey()!.ExportParameters(false)) { KeyId = key.KeyId },
        _ => key,
    };
}
