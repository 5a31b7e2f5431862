using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

/// <summary>
/// Access tokens that already passed full validation (signature, issuer, audience, lifetime), kept
/// until they expire or for <see cref="MaxAge"/>, whichever is sooner, at most <see cref="MaxTokens"/>
/// of them. A partner sends the same token for up to 15 minutes; validating its signature and
/// rebuilding its claims on every request would cost as much as the request's own work. Revocation
/// is still checked on every request (<see cref="CredentialActivity"/>).
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int MaxTokens = 100_000;

    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        // The business clock decides expiry (tests move it); the cache's own clock only frees memory.
        if (_tokens.TryGetValue(token, out Entry? entry) && clock.GetUtcNow() < entry!.Until)
        {
            principal = entry.Principal.Clone(); // each request gets its own copy to read or extend
            return true;
        }
        principal = null!;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal)
    {
        var now = clock.GetUtcNow();
        var until = principal.GetExpirationDate() is { } expires && expires < now + MaxAge ? expires : now + MaxAge;
        if (until <= now)
        {
            return;
        }
        _tokens.Set(token, new Entry(principal.Clone(), until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
    }

    public void Dispose() => _tokens.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);
}
