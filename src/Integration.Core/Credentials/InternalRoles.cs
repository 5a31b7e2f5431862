using Integration.Core.Common;

namespace Integration.Core.Credentials;

/// <summary>Role lists as stored and shown: distinct, in the order of <see cref="InternalRole"/>, spelled as the API spells them.</summary>
public static class InternalRoles
{
    /// <summary>
    /// Every role: what credentials that existed before roles (ADR 0021) and the first-run credential hold, so that one
    /// operator can start alone; four-eyes still needs a second credential. Narrow it once colleagues have their own.
    /// </summary>
    public static IReadOnlyList<InternalRole> Every { get; } = Enum.GetValues<InternalRole>();

    public static List<InternalRole> Distinct(IEnumerable<InternalRole> roles) => roles.Distinct().Order().ToList();

    public static string Format(IEnumerable<InternalRole> roles) => string.Join(' ', roles.Select(SnakeCase.Of));

    public static List<InternalRole> Parse(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SnakeCase.Parse<InternalRole>).ToList();
}
