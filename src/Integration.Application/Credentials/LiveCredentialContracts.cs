using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Credentials;

namespace Integration.Application.Credentials;

/// <summary>Asks for a live credential for a partner; a different person with the <c>credentials</c> role approves it.</summary>
public sealed record RequestLiveCredentialRequest
{
    /// <summary>The scopes the credential may request; give each integration only what it needs.</summary>
    [Identifier]
    [MinLength(1, ErrorMessage = "Give the credential at least one scope.")]
    [MaxLength(ContractLimits.Scopes)]
    [MaxLengthEach(ContractLimits.Token)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>A label for people, e.g. "ERP connector".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Why the partner needs it now, for the approver.</summary>
    [StringLength(ContractLimits.Description, MinimumLength = 1)]
    public required string Reason { get; init; }
}

public sealed record RejectLiveCredentialRequest
{
    /// <summary>Why, for the requester.</summary>
    [StringLength(ContractLimits.Description, MinimumLength = 1)]
    public required string Note { get; init; }
}

/// <summary>A request for a live credential and what became of it.</summary>
public sealed record LiveCredentialRequestResponse(
    string Id, string PartnerId, IReadOnlyList<string> Scopes, string? Name, string Reason, LiveCredentialRequestStatus Status,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, string? CredentialId)
{
    public static LiveCredentialRequestResponse From(LiveCredentialRequest r) => new(
        r.Id, r.PartnerId, r.Scopes, r.Name, r.Reason, r.Status, r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.CredentialId);
}

/// <summary>The approved request and the live credential it issued. The secret is shown in this response only.</summary>
public sealed record LiveCredentialApprovalResponse(LiveCredentialRequestResponse Request, CredentialResponse Credential, string ClientSecret);
