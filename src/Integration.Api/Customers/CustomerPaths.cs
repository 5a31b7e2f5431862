using System.Text.RegularExpressions;

namespace Integration.Api.Customers;

/// <summary>
/// A partner's customer id may be a phone number or an e-mail address, and it travels in the path
/// (<c>/v1/customers/{externalId}</c>): whatever records or echoes a path (the request log, log lines, traces,
/// problem details) records it with the id replaced.
/// </summary>
public static partial class CustomerPaths
{
    public const string Placeholder = "{externalId}";

    public static string Redact(string? path) =>
        path is null ? "" : ExternalIdSegment().Replace(path, m => m.Groups["rest"].Value is var rest && IsRoute(m.Groups["id"].Value, rest)
            ? m.Value
            : m.Groups["head"].Value + Placeholder + rest);

    /// <summary>Percent-encoded as <see cref="PathString.ToString"/> gives it (for log lines and problems: no raw control characters).</summary>
    public static string Redact(PathString path) => Redact(path.ToString());

    // /v1/customers/bulk and /v1/customers/changes name no customer.
    private static bool IsRoute(string segment, string rest) =>
        rest.Length == 0 && (segment.Equals("bulk", StringComparison.OrdinalIgnoreCase) || segment.Equals("changes", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^(?<head>/v[^/]*/customers/)(?<id>[^/]+)(?<rest>/.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdSegment();
}
