using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace Integration.Application.Hosting;

/// <summary>
/// An identifier or reference (an id, a key, a URL, a code): no C0 or C1 control characters (NUL,
/// escape, line breaks …), no DEL and no bidirectional text controls. These are invisible or make a
/// value look like another one in logs, terminals and spreadsheets, and no identifier needs them.
/// On a list, every element is checked. Free text (names, notes) does not carry this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IdentifierAttribute() : ValidationAttribute(
    "{0} may not contain control characters (such as NUL, escape or line breaks), DEL or bidirectional text controls.")
{
    /// <summary>Names the field as the partner writes it (camelCase JSON), not as the property is called.</summary>
    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, JsonNamingPolicy.CamelCase.ConvertName(name));

    public override bool IsValid(object? value) => value switch
    {
        string text => IsPlain(text),
        IEnumerable<string?> texts => texts.All(t => t is null || IsPlain(t)),
        _ => true,
    };

    public static bool IsPlain(string value) => !value.Any(IsForbidden);

    private static bool IsForbidden(char c) =>
        char.IsControl(c) // C0, DEL and C1
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
