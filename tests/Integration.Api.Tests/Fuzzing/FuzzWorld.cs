namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// What the fixture created for the cases to aim at: a client per caller, and real values by the name they go by in
/// paths and bodies (a path's resource segment such as <c>orders</c>, or a member such as <c>locationId</c>).
/// </summary>
public sealed class FuzzWorld(IReadOnlyDictionary<FuzzCaller, HttpClient> clients, IReadOnlyDictionary<string, string[]> known)
{
    /// <summary>Ids nothing has, or that are not ids at all.</summary>
    public static readonly string[] UnknownIds =
        ["ord_00000000000000000000000000", "loc_doesnotexist", "unknown", "0", "-1", "null", "%2e%2e", "ß", new string('z', 300), "ptn_x'--"];

    public HttpClient ClientOf(FuzzCaller caller) => clients[caller];

    /// <summary>Real values for a name, or none.</summary>
    public string[] Known(string name) => known.TryGetValue(name, out var values) ? values : [];
}
