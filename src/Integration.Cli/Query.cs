namespace Integration.Cli;

/// <summary>Builds request paths: escaped segments and a query string without the parameters left out.</summary>
internal static class Query
{
    public static string Segment(string? value) => Uri.EscapeDataString(value ?? "");

    public static string Path(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}{string.Join('&', given)}";
    }
}
