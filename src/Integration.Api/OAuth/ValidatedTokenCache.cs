using System.Collections.Concurrent;
using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Integration.Api.OAuth;

/// <summary>
/// Access tokens that already passed full validation (signature, issuer, audience, lifetime), kept
/// until they expire or for <see cref="MaxAge"/>, whichever is sooner. A partner sends the same token
/// for up to 15 minutes; validating its RSA signature and rebuilding its claims on every request
/// would cost as much as the request's own work. Revocation is still checked on every request
/// (<see cref="CredentialActivity"/>).
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int TrimAbove = 100_000;

    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (_tokens.TryGetValue(token, out var entry) && clock.GetUtcNow() < entry.Until)
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
        if (_tokens.Count > TrimAbove)
        {
            foreach (var stale in _tokens.Where(t => t.Value.Until <= now).Select(t => t.Key).ToList())
            {
                _tokens.TryRemove(stale, out _);
            }
        }
        _tokens[token] = (principal.Clone(), until);
    }
}
