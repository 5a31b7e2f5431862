using System.ComponentModel;
using System.Globalization;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Reads a value type from text — configuration binding (<c>"Environment": "Live"</c>) — matching a
/// known value whatever its case, so settings can be written as people write them.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class WireValueTypeConverter<T> : TypeConverter where T : struct, IWireValue<T>
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }
        foreach (var known in T.KnownValues)
        {
            if (string.Equals(known.Value, text, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return T.FromWire(text);
    }
}
