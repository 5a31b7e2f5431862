using Integration.Application.Cluster;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Integration.Application.OAuth;

/// <summary>
/// Answers "are the credential and the token entry behind this access token still active, and is the
/// token what the credential would have been issued?" for every
/// authenticated request. Answers are remembered for at most <see cref="OAuthOptions.RevocationCheckInterval"/>
/// (30 s by default); <see cref="Forget"/> drops a credential's answers on this instance at once and,
/// with Redis, on every other instance through <see cref="CacheTopics.Credential"/>.
/// </summary>
public sealed class CredentialActivity : IDisposable
{
    private const int MaxAnswers = 100_000;
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxAnswers });
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<OAuthOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ClusterSignals _signals;

    public CredentialActivity(IServiceScopeFactory scopes, IOptions<OAuthOptions> options, TimeProvider clock, ClusterSignals signals)
    {
        (_scopes, _options, _clock, _signals) = (scopes, options, clock, signals);
        signals.Subscribe(CacheTopics.Credential, ForgetHere);
    }

    public async ValueTask<bool> IsActiveAsync(Caller caller, string? tokenId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var interval = _options.Value.RevocationCheckInterval;
        // The claims are part of the key: a token that claims another tenant is never answered from a genuine one's entry.
        var key = (caller.CredentialId, tokenId, string.Join('|', caller.ClientId, caller.Kind, caller.PartnerId, caller.Environment, string.Join(' ', caller.Scopes), InternalRoles.Format(caller.Roles)));
        if (_answers.TryGetValue(key, out Answer? known) && now - known!.CheckedAt < interval)
        {
            return known.Active;
        }
        // Taken before reading, so that a Forget arriving during the read also drops what the read saw.
        var evicted = EvictionOf(caller.CredentialId);

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caller.CredentialId, cancellationToken);
        var active = credential is { Status: CredentialStatus.Active } && IsWhatTheTokenClaims(credential, caller);
        if (active && tokenId is not null)
        {
            active = await db.Set<OpenIddictEntityFrameworkCoreToken>()
                .AnyAsync(t => t.Id == tokenId && t.Status == Statuses.Valid, cancellationToken);
        }
        using (var entry = _answers.CreateEntry(key))
        {
            entry.Value = new Answer(active, now);
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = interval;
            entry.AddExpirationToken(new CancellationChangeToken(evicted));
        }
        return active;
    }

    /// <summary>Makes every instance read the credential's state again on its next request.</summary>
    /// <summary>
    /// Tokens are issued from the credential, so their claims always match it; a token that does not
    /// was signed by someone else (a leaked key) and must not reach another partner's tenant.
    /// </summary>
    private static bool IsWhatTheTokenClaims(Credential credential, Caller caller) =>
        credential.ClientId == caller.ClientId
        && credential.Kind == caller.Kind
        && credential.PartnerId == caller.PartnerId
        && (credential.Kind == CredentialKind.Internal || credential.Environment == caller.Environment)
        && caller.Scopes.All(credential.Scopes.Contains)
        && caller.Roles.All(credential.Roles.Contains); // a role taken away ends the tokens that carry it

    public void Forget(string credentialId) => _signals.Publish(CacheTopics.Credential, credentialId);

    private void ForgetHere(string credentialId)
    {
        if (_answers.TryGetValue(("evict", credentialId), out CancellationTokenSource? eviction))
        {
            _answers.Remove(("evict", credentialId)); // its eviction callback cancels it, dropping every answer that depends on it
            eviction!.Cancel();
        }
    }

    /// <summary>One token per credential that, cancelled, evicts all of its answers at once (a cache tag).</summary>
    private CancellationToken EvictionOf(string credentialId) =>
        _answers.GetOrCreate(("evict", credentialId), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = _options.Value.RevocationCheckInterval * 2;
            var source = new CancellationTokenSource();
            entry.RegisterPostEvictionCallback(static (_, value, _, _) => ((CancellationTokenSource)value!).Cancel());
            return source;
        })!.Token;

    public void Dispose() => _answers.Dispose();

    private sealed record Answer(bool Active, DateTimeOffset CheckedAt);
}
