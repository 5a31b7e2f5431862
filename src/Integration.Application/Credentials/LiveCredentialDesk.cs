using Integration.Application.Audit;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Credentials;

/// <summary>Four-eyes for live credentials: one person requests, a different person approves (issuing it) or rejects.</summary>
public sealed class LiveCredentialDesk(IntegrationDbContext db, CredentialIssuer issuer, AuditLog audit, TimeProvider clock)
{
    public async Task<LiveCredentialRequest> RequestAsync(string partnerId, RequestLiveCredentialRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await issuer.EnsureLiveAllowedAsync(partnerId, cancellationToken);
        var asked = new LiveCredentialRequest
        {
            Id = Ids.New("lcr"),
            PartnerId = partnerId,
            Scopes = CredentialIssuer.CheckPartnerScopes(request.Scopes),
            Name = request.Name,
            Reason = request.Reason,
            RequestedBy = caller.ClientId,
            RequestedAt = clock.UtcNow(),
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.LiveCredentialRequests.Add(asked);
        await audit.AppendAsync(new AuditRecord(caller.ClientId, "live_credential.requested", asked.Id,
            Details: new { partnerId, asked.Scopes, asked.Reason, requestedBy = caller.ClientId }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return asked;
    }

    public async Task<(LiveCredentialRequest Request, Credential Credential, string Secret)> ApproveAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        request.EnsureDecidableBy(caller.ClientId);
        try
        {
            var (credential, secret) = await issuer.IssueLiveAsync(request, caller.ClientId, cancellationToken);
            return (request, credential, secret);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Decided(id);
        }
    }

    public async Task<LiveCredentialRequest> RejectAsync(string id, RejectLiveCredentialRequest rejection, Caller caller, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        request.Reject(caller.ClientId, rejection.Note, clock.UtcNow());
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(caller.ClientId, "live_credential.rejected", request.Id,
            Details: new { request.PartnerId, rejection.Note, requestedBy = request.RequestedBy, rejectedBy = caller.ClientId }), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Decided(id);
        }
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>Oldest first, optionally in one status (<see cref="LiveCredentialRequestStatus.Pending"/>: waiting for a second person).</summary>
    public async Task<IReadOnlyList<LiveCredentialRequest>> ListAsync(LiveCredentialRequestStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.LiveCredentialRequests.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (page.Cursor is not null)
        {
            var (requestedAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(r => r.RequestedAt > requestedAt || (r.RequestedAt == requestedAt && string.Compare(r.Id, id) > 0));
        }
        return await query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(LiveCredentialRequest request) => Cursor.Encode(request.RequestedAt, request.Id);

    public async Task<LiveCredentialRequest> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.LiveCredentialRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw DomainException.NotFound("live credential request", id);

    private static DomainException Decided(string id) =>
        new(ErrorKind.Conflict, "request_decided", $"Live credential request '{id}' was decided by someone else while this request ran.");
}
