using System.Security.Cryptography;

namespace Integration.Core.Common;

/// <summary>Opaque, prefixed, non-sequential identifiers (<c>ptn_…</c>, <c>cred_…</c>).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 20) => $"{prefix}_{RandomToken(length)}";

    private static long _lastOrdered;

    /// <summary>
    /// An id that sorts after every id this process made before (the time's ticks, then a counter when two
    /// share a tick), with a random tail: for logs listed by time where arrivals in one tick must keep their order.
    /// </summary>
    public static string NewOrdered(string prefix, DateTimeOffset at)
    {
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastOrdered);
            next = Math.Max(last + 1, at.UtcTicks);
        }
        while (Interlocked.CompareExchange(ref _lastOrdered, next, last) != last);
        return $"{prefix}_{next:x16}{RandomToken(8)}";
    }

    /// <summary>A random lower-case alphanumeric string; 20 characters carry about 103 bits.</summary>
    public static string RandomToken(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
