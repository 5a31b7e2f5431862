using System.Collections.Concurrent;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Integration.Api.OAuth;

/// <summary>
/// Answers "are the credential and the token entry behind this access token still active?" for every
/// authenticated request. Answers are remembered for <see cref="OAuthOptions.RevocationCheckInterval"/>
/// (30 s by default), which bounds how long a revoked credential's tokens keep working on another
/// instance; on the instance that revoked it, <see cref="Forget"/> makes it immediate.
/// </summary>
public sealed class CredentialActivity(IServiceScopeFactory scopes, IOptions<OAuthOptions> options, TimeProvider clock)
{
    private const int TrimAbove = 50_000;
    private readonly ConcurrentDictionary<(string CredentialId, string? TokenId), (bool Active, DateTimeOffset CheckedAt)> _answers = new();

    public async ValueTask<bool> IsActiveAsync(string credentialId, string? tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interval = options.Value.RevocationCheckInterval;
        if (_answers.TryGetValue((credentialId, tokenId), out var known) && now - known.CheckedAt < interval)
        {
            return known.Active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var active = await db.Credentials.AnyAsync(c => c.Id == credentialId && c.Status == CredentialStatus.Active, cancellationToken);
        if (active && tokenId is not null)
        {
            active = await db.Set<OpenIddictEntityFrameworkCoreToken>()
                .AnyAsync(t => t.Id == tokenId && t.Status == Statuses.Valid, cancellationToken);
        }
        if (_answers.Count > TrimAbove)
        {
            foreach (var stale in _answers.Where(a => now - a.Value.CheckedAt >= interval).Select(a => a.Key).ToList())
            {
                _answers.TryRemove(stale, out _);
            }
        }
        _answers[(credentialId, tokenId)] = (active, now);
        return active;
    }

    /// <summary>Drops what this instance remembers of a credential, so its revocation applies at once here.</summary>
    public void Forget(string credentialId)
    {
        foreach (var key in _answers.Keys.Where(k => k.CredentialId == credentialId).ToList())
        {
            _answers.TryRemove(key, out _);
        }
    }
}
