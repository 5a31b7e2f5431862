using System.Buffers.Text;
using System.Text;
using Integration.Core.Common;

namespace Integration.Application.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key of the last item seen, so a page never repeats or skips an
/// item when others are inserted meanwhile. Partners must not parse them.
/// </summary>
public static class Cursor
{
    private const char Separator = '\u001f';

    public static string Encode(params string[] keyParts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("c1" + Separator + string.Join(Separator, keyParts)));

    public static string[] Decode(string cursor, int expectedParts)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (parts.Length == expectedParts + 1 && parts[0] == "c1")
            {
                return parts[1..];
            }
        }
        catch (FormatException)
        {
        }
        throw DomainException.Invalid("cursor", "The cursor is not one this list returned. Start again without a cursor.");
    }

    public static string Encode(long position) => Encode(position.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A cursor made by <see cref="Encode(long)"/>: a sequence number, version or row id, never negative.</summary>
    public static long DecodePosition(string cursor) =>
        long.TryParse(Decode(cursor, 1)[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            ? position
            : throw DomainException.Invalid("cursor", "The cursor is not one this list returned. Start again without a cursor.");

    public static string Encode(DateTimeOffset timestamp, string id) =>
        Encode(timestamp.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), id);

    public static (DateTimeOffset Timestamp, string Id) DecodeTimestampAndId(string cursor)
    {
        var parts = Decode(cursor, 2);
        if (!long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw DomainException.Invalid("cursor", "The cursor is not one this list returned. Start again without a cursor.");
        }
        return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
    }
}
