using Integration.Core.Audit;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Audit;

/// <summary>Reads the audit log for people: the admin API's list and the console's viewer.</summary>
public sealed class AuditEntries(IntegrationDbContext db)
{
    /// <summary>Oldest first, after <paramref name="afterSequence"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AfterAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(limit).ToListAsync(cancellationToken);

    /// <summary>Newest first, before <paramref name="beforeSequence"/> (or the newest when null).</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (beforeSequence is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }
        return await query.OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(cancellationToken);
    }
}
