using System.Security.Cryptography;

namespace Integration.Core.Common;

/// <summary>Opaque, prefixed, non-sequential identifiers (<c>ptn_…</c>, <c>cred_…</c>).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 20) => $"{prefix}_{RandomToken(length)}";

    private static long _lastOrdered;

    /// <summary>
    /// An id that sorts after every id this process made before (the time's ticks in 12 base-36 digits, then a
    /// counter when two share a tick), with a random tail: for logs listed by time where arrivals in one tick
    /// must keep their order. As long as the others (<c>reqlog_</c> and 20 characters).
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
        Span<char> digits = stackalloc char[12];
        for (var i = digits.Length - 1; i >= 0; i--, next /= Alphabet.Length)
        {
            digits[i] = Alphabet[(int)(next % Alphabet.Length)];
        }
        return $"{prefix}_{digits}{RandomToken(8)}";
    }

    /// <summary>A random lower-case alphanumeric string; 20 characters carry about 103 bits.</summary>
    public static string RandomToken(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
