using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data.People;

namespace Integration.Application.Partners;

/// <summary>
/// Who acts for a partner in one environment: a partner credential (its scopes decide) or a signed-in partner user (their
/// role decides). The partner API and the portal hand the same services one of these, so both follow the same rules.
/// </summary>
public sealed record PartnerActor
{
    public required string PartnerId { get; init; }
    public required ApiEnvironment Environment { get; init; }

    /// <summary>What audit entries name: the credential's client id or the person's e-mail.</summary>
    public required string Name { get; init; }

    /// <summary>The scopes a credential created by this actor may hold at most.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The calling credential; null for a person.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The person's partner role; null for a credential.</summary>
    public PartnerRole? Role { get; init; }

    public static PartnerActor OfCredential(Caller caller) => new()
    {
        PartnerId = caller.PartnerId ?? throw new ArgumentException("A partner actor needs a partner credential.", nameof(caller)),
        Environment = caller.Environment ?? ApiEnvironment.Live,
        Name = caller.ClientId,
        Scopes = caller.Scopes.Where(ApiScopes.IsPartnerScope).ToList(),
        CredentialId = caller.CredentialId,
    };

    /// <summary>A partner user acting in <paramref name="environment"/>; a person holds every partner scope their role allows.</summary>
    public static PartnerActor OfPerson(Person person, ApiEnvironment environment) => new()
    {
        PartnerId = person.PartnerId ?? throw new ArgumentException("An internal person does not act for a partner.", nameof(person)),
        Environment = environment,
        Name = person.Email ?? person.Id,
        Scopes = ApiScopes.PartnerScopes,
        Role = person.PartnerRole ?? PartnerRole.Viewer,
    };

    /// <summary>Changing credentials: a credential with <c>credentials:manage</c>, or an owner or developer.</summary>
    public void RequireCredentialsManager()
    {
        if (CredentialId is not null)
        {
            if (!Scopes.Contains(ApiScopes.CredentialsManage))
            {
                throw new DomainException(ErrorKind.Forbidden, "insufficient_scope",
                    $"Managing credentials needs the scope '{ApiScopes.CredentialsManage}'.");
            }
            return;
        }
        if (Role is not { } role || !PartnerRoleRights.May(role, PartnerWork.Technical))
        {
            throw RoleRefusal("Managing credentials", "owner or developer");
        }
    }

    /// <summary>Managing the partner's people: owners only (credentials never).</summary>
    public void RequireOwner()
    {
        if (Role is not { } role || !PartnerRoleRights.May(role, PartnerWork.People))
        {
            throw RoleRefusal("Managing the partner's users", "owner");
        }
    }

    private DomainException RoleRefusal(string what, string needed) =>
        new(ErrorKind.Forbidden, "insufficient_partner_role",
            $"{what} needs the partner role {needed}; you are {(Role is { } role ? SnakeCase.Of(role) : "a credential, not a person")}.");
}
