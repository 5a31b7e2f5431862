using Integration.Core.Common;

namespace Integration.Core.Credentials;

public enum LiveCredentialRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// Four-eyes for live credentials (domain.md › Internal roles): one person asks, with a reason; a different person
/// approves, which issues the credential, or rejects.
/// </summary>
public sealed class LiveCredentialRequest
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public required List<string> Scopes { get; init; }
    public string? Name { get; init; }
    public required string Reason { get; init; }
    public LiveCredentialRequestStatus Status { get; private set; } = LiveCredentialRequestStatus.Pending;
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? CredentialId { get; private set; }

    /// <summary>Two approvers at once: the second one's save fails instead of issuing a second credential.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The approver is not the requester, and the request is still open. Call before doing anything for the approval.</summary>
    public void EnsureDecidableBy(string person)
    {
        if (Status != LiveCredentialRequestStatus.Pending)
        {
            throw new DomainException(ErrorKind.Conflict, "request_decided", $"Live credential request '{Id}' was already {SnakeCase.Of(Status)}.");
        }
        FourEyes.Ensure(RequestedBy, person, "live credential request");
    }

    public void Approve(string person, string credentialId, DateTimeOffset now)
    {
        EnsureDecidableBy(person);
        (Status, DecidedBy, DecidedAt, CredentialId) = (LiveCredentialRequestStatus.Approved, person, now, credentialId);
        Version++;
    }

    public void Reject(string person, string note, DateTimeOffset now)
    {
        EnsureDecidableBy(person);
        (Status, DecidedBy, DecidedAt, DecisionNote) = (LiveCredentialRequestStatus.Rejected, person, now, note);
        Version++;
    }
}
