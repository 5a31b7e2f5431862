using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data.People;

namespace Integration.Api.People;

public sealed record CreatePartnerOwnerRequest
{
    /// <summary>What the owner signs in to the portal with; the link to set their password goes there.</summary>
    [EmailAddress]
    [StringLength(256, MinimumLength = 3)]
    public required string Email { get; init; }

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string DisplayName { get; init; }
}

/// <summary>A partner's portal user; <c>passwordSet</c> is false until they have followed the e-mailed link.</summary>
public sealed record PartnerUserResponse(string Id, string PartnerId, string Email, string DisplayName, PartnerRole Role, bool PasswordSet, DateTimeOffset CreatedAt)
{
    public static PartnerUserResponse From(Person p) =>
        new(p.Id, p.PartnerId ?? "", p.Email ?? "", p.DisplayName, p.PartnerRole ?? PartnerRole.Viewer, p.PasswordHash is not null, p.CreatedAt);
}

/// <summary>A partner's portal users, owners first.</summary>
public sealed record PartnerUserListResponse(IReadOnlyList<PartnerUserResponse> Data);
