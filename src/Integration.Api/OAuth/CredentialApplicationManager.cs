using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Integration.Api.OAuth;

/// <summary>
/// OpenIddict's application manager with two changes: secrets are hashed with SHA-256 (they are
/// high-entropy random strings; ADR 0003), and during a rotation's overlap window the previous
/// secret is accepted as well (OpenIddict itself knows one secret per client).
/// </summary>
public sealed class CredentialApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    IntegrationDbContext db,
    TimeProvider clock)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        if (ClientSecrets.Matches(secret, application.ClientSecret))
        {
            return true;
        }
        var credential = await db.Credentials.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ClientId == application.ClientId, cancellationToken);
        return credential?.AcceptsPreviousSecret(secret, clock.GetUtcNow()) == true;
    }

    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ClientSecrets.Hash(secret));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ClientSecrets.Matches(secret, comparand));
}
