using Integration.Api.Hosting;
using Integration.Application.Hosting;
using System.Security.Cryptography.X509Certificates;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using Microsoft.AspNetCore.Authentication;
using static OpenIddict.Server.OpenIddictServerEvents;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

public static class OAuthSetup
{
    /// <summary>
    /// The OAuth 2.0 authorization server (client credentials, discovery, JWKS, revocation,
    /// introspection) and the validation of its tokens by this same API.
    /// </summary>
    public static WebApplicationBuilder AddPartnerAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OAuthOptions.Section);
        var settings = section.Get<OAuthOptions>() ?? new OAuthOptions();
        var developmentKeys = settings.UseDevelopmentKeys || builder.Environment.IsDevelopment();
        // Checked when the platform starts serving, so that 'migrate' and 'bootstrap' need no keys.
        builder.Services.AddOptions<OAuthOptions>().Bind(section)
            .Validate(o => developmentKeys || !string.IsNullOrWhiteSpace(o.SigningCertificatePath),
                "OAuth:SigningCertificatePath is not set. Outside Development the platform needs a persisted signing "
                + "certificate (PFX) shared by all instances; see docs/operations.md.")
            .Validate(o => IssuerValidation.Problem(o.Issuer, !builder.Environment.IsDevelopment(), o.AllowPlainHttp || builder.Environment.IsDevelopment()) is null,
                IssuerValidation.Problem(settings.Issuer, !builder.Environment.IsDevelopment(), settings.AllowPlainHttp || builder.Environment.IsDevelopment())
                ?? "OAuth:Issuer is not valid.")
            .ValidateOnStart();
        var signingCertificate = developmentKeys ? null : LoadSigningCertificate(settings);
        var previousKeys = new PreviousSigningKeys(developmentKeys ? [] : settings.PreviousSigningCertificates
            .Select((previous, i) => LoadCertificate(previous.Path, previous.Password, $"OAuth:PreviousSigningCertificates:{i}:Path")).ToList());
        if (signingCertificate?.GetRSAPrivateKey() is not null)
        {
            // DataProtection keys live in the database; with an RSA certificate they are encrypted at rest by it
            // (XML encryption needs RSA; with an ECDSA certificate they rely on the database's own protection).
            builder.Services.AddDataProtection().ProtectKeysWithCertificate(signingCertificate);
        }
        else if (developmentKeys)
        {
            // Development keys protect nothing real: say so, instead of a warning on every first run that a key "may be" stored in clear.
            builder.Services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new NullXmlEncryptor());
        }

        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IntegrationDbContext>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, CredentialApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect");
                if (!string.IsNullOrWhiteSpace(settings.Issuer) && Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer))
                {
                    server.SetIssuer(issuer); // discovery, JWKS and endpoint URLs are built on it, whatever host a request used
                }
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. ApiScopes.PartnerScopes, ApiScopes.Admin]);
                // Scopes are checked against the credential's own list in TokenEndpoint, which answers invalid_scope (RFC 6749).
                server.IgnoreScopePermissions();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.DisableAccessTokenEncryption(); // signed JWTs that anyone can check against the JWKS
                if (signingCertificate is not null)
                {
                    AddSigningCertificate(server, signingCertificate);
                    server.AddEventHandler(previousKeys.Descriptor);
                    server.AddEphemeralEncryptionKey(); // nothing we issue is encrypted; OpenIddict wants a key anyway
                }
                else if (builder.Environment.IsDevelopment())
                {
                    server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
                }
                else
                {
                    server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (settings.AllowPlainHttp || builder.Environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
                server.AddEventHandler<ApplyTokenResponseContext>(handler => handler.UseSingletonHandler<CountRefusedTokenRequests>());
                server.AddEventHandler(SameAnswerForUnknownClients.Descriptor);
                server.AddEventHandler(DiscoveryOnIssuer.Descriptor);
                server.AddEventHandler(DiscoveryOfWhatIsSupported.Descriptor);
                server.AddEventHandler(AnnounceRevokedTokens.Descriptor);
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(settings.Audience);
            });

        builder.Services.AddSingleton<IPostConfigureOptions<OpenIddict.Validation.OpenIddictValidationOptions>>(previousKeys);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddAuthentication(CachedBearerHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null);
        builder.Services.AddAuthorization(options => options.AddAdminPolicies());
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IAuthorizationHandler, AccessRequirementsHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddSingleton<CredentialActivity>();
        builder.Services.AddScoped<ITenantResolver, CallerTenantResolver>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddOptions<RefusedTokenSummaryOptions>().Bind(builder.Configuration.GetSection(RefusedTokenSummaryOptions.Section))
            .ValidateSettings(RefusedTokenSummaryOptions.Section);
        builder.Services.AddSingleton<RefusedTokenRequests>();
        builder.Services.AddSingleton<CountRefusedTokenRequests>();
        builder.Services.AddHostedService<RefusedTokenSummaryWriter>();
        return builder;
    }

    /// <summary>
    /// RSA certificates sign RS256; ECDSA P-256 certificates sign ES256, about twenty times cheaper
    /// per token (the recommended choice, docs/operations.md). The key id is the thumbprint, the same
    /// on every instance.
    /// </summary>
    private static void AddSigningCertificate(OpenIddictServerBuilder server, X509Certificate2 certificate)
    {
        var (key, algorithm) = SigningKeyOf(certificate);
        if (algorithm is not null)
        {
            server.AddSigningCredentials(new SigningCredentials(key, algorithm));
            return;
        }
        server.AddSigningCertificate(certificate);
    }

    /// <summary>The key a certificate signs with, and its algorithm when it is ECDSA (RSA certificates go to OpenIddict as they are).</summary>
    internal static (SecurityKey Key, string? Algorithm) SigningKeyOf(X509Certificate2 certificate)
    {
        if (certificate.GetECDsaPrivateKey() is { } ecdsa)
        {
            var algorithm = ecdsa.KeySize switch
            {
                256 => SecurityAlgorithms.EcdsaSha256,
                384 => SecurityAlgorithms.EcdsaSha384,
                _ => SecurityAlgorithms.EcdsaSha512,
            };
            return (new ECDsaSecurityKey(ecdsa) { KeyId = certificate.Thumbprint }, algorithm);
        }
        return (new X509SecurityKey(certificate), null);
    }

    private static X509Certificate2? LoadSigningCertificate(OAuthOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SigningCertificatePath))
        {
            return null; // refused at start-up by the options validation above
        }
        return LoadCertificate(settings.SigningCertificatePath, settings.SigningCertificatePassword, "OAuth:SigningCertificatePath");
    }

    private static X509Certificate2 LoadCertificate(string path, string? password, string setting) =>
        File.Exists(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : throw new InvalidOperationException($"{setting} '{path}' does not exist.");
}
