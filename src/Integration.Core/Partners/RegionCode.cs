using System.Text.RegularExpressions;

namespace Integration.Core.Partners;

/// <summary>
/// A hierarchical region code: country &gt; province &gt; city/county, e.g. <c>CN</c> &gt; <c>CN-SH</c> &gt; <c>CN-SH-PD</c>.
/// </summary>
public static partial class RegionCode
{
    /// <summary>At most <see cref="Common.ContractLimits.RegionCode"/> characters.</summary>
    public const string Pattern = "^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static bool IsValid(string? code) => code is not null && Shape().IsMatch(code);

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string code, string ancestor) =>
        code == ancestor || code.StartsWith(ancestor + "-", StringComparison.Ordinal);

    /// <summary>True when <paramref name="code"/> lies strictly below <paramref name="ancestor"/>.</summary>
    public static bool IsBelow(string code, string ancestor) => code != ancestor && IsWithin(code, ancestor);
}
