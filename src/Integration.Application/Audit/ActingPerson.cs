using Integration.Application.OAuth;
using Integration.Core.Credentials;

namespace Integration.Application.Audit;

/// <summary>The internal caller of this request, so that every audit entry it writes names the roles it acted with.</summary>
public sealed class ActingPerson
{
    public Caller? Caller { get; set; }

    /// <summary>The roles of <paramref name="actor"/> when it is this request's internal caller; otherwise null.</summary>
    public IReadOnlyList<InternalRole>? RolesOf(string actor) =>
        Caller is { Kind: CredentialKind.Internal } caller && caller.ClientId == actor ? caller.Roles : null;
}
