using Integration.Core.Credentials;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Paging;
using Integration.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Audit;

namespace Integration.Api.Audit;

/// <summary>The audit log of internal actions and credential events.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/audit-entries")]
public sealed class AuditController(AuditEntries auditEntries, AuditVerifier verifier, AuditCheckpoints checkpoints) : ControllerBase
{
    /// <summary>Lists audit entries, oldest first.</summary>
    [HttpGet(Name = "ListAuditEntries")]
    [AdminAccess(AdminPermission.AuditRead)]
    public async Task<Page<AuditEntryResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var after = page.Cursor is null ? 0 : ParseSequence(page.Cursor);
        var entries = await auditEntries.AfterAsync(after, page.Limit + 1, cancellationToken);
        return entries.ToPage(page, HttpContext, e => Cursor.Encode(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), AuditEntryResponse.From);
    }

    /// <summary>
    /// Recomputes the keyed chain from its anchor and holds it against the signed checkpoints; names the
    /// first entry that was changed, removed, reordered or deleted from the end.
    /// </summary>
    [HttpGet("verification", Name = "VerifyAuditChain")]
    [AdminAccess(AdminPermission.AuditRead)]
    public Task<AuditVerification> Verify(CancellationToken cancellationToken) => verifier.VerifyAsync(cancellationToken);

    /// <summary>Signs the chain's current head and publishes it (checkpoint table, log stream, checkpoint file); the existing checkpoint when the head has not moved.</summary>
    [HttpPost("checkpoints", Name = "CreateAuditCheckpoint")]
    [AdminAccess(AdminPermission.AuditRead)]
    [ProblemResponses(409)]
    public async Task<ActionResult<AuditCheckpointResponse>> Checkpoint(CancellationToken cancellationToken) =>
        await checkpoints.CheckpointAsync(cancellationToken) is { } checkpoint
            ? AuditCheckpointResponse.From(checkpoint)
            : throw new Core.Common.DomainException(Core.Common.ErrorKind.Conflict, "audit_log_empty", "The audit log has no entries to checkpoint yet.");

    private static long ParseSequence(string cursor) =>
        long.TryParse(Cursor.Decode(cursor, 1)[0], System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw Core.Common.DomainException.Invalid("cursor", "The cursor is not one this list returned.");
}

public sealed record AuditEntryResponse(
    long Sequence, string Id, DateTimeOffset OccurredAt, string Actor, string Action, string Target,
    string Outcome, string? Details, string PreviousHash, string Hash, string? KeyId)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Sequence, e.Id, e.OccurredAt, e.Actor, e.Action, e.Target, e.Outcome, e.Details, e.PreviousHash, e.Hash, e.KeyId);
}
