using Integration.Application.Hosting;
using Integration.Application.Observability;
using Integration.Application.Paging;
using Integration.Core.RequestLog;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.RequestLog;

/// <summary>
/// Every call partners make, written off the request path in batches (<c>request_log</c>, 30 days), read
/// back by the partner that made it and, summarised by client software, by internal teams.
/// </summary>
public sealed class PartnerRequestLog(IServiceScopeFactory scopes, PlatformMetrics metrics, ILogger<PartnerRequestLog> logger)
    : BatchedRowWriter<LoggedRequest>(scopes, metrics, logger, "request_log", capacity: 50_000, linger: TimeSpan.FromMilliseconds(100))
{
    protected override string LostBatchMessage => "{Count} calls could not be written to the partners' request log";

    protected override async Task WriteAsync(IntegrationDbContext db, IReadOnlyList<LoggedRequest> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.InsertRequestLogAsync(rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The caller's calls, newest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> ListAsync(IntegrationDbContext db, RequestLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await WrittenAsync(cancellationToken);
        var query = db.RequestLog.AsNoTracking();
        if (page.Cursor is not null)
        {
            var (at, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(r => r.At < at || (r.At == at && string.Compare(r.Id, id) < 0));
        }
        if (filter.Status is { } status)
        {
            query = filter.StatusClass
                ? query.Where(r => r.Status >= status * 100 && r.Status < (status + 1) * 100)
                : query.Where(r => r.Status == status);
        }
        if (filter.PathPrefix is { } prefix)
        {
            query = query.Where(r => r.Path.StartsWith(prefix));
        }
        if (filter.Since is { } since)
        {
            query = query.Where(r => r.At >= since);
        }
        if (filter.Until is { } until)
        {
            query = query.Where(r => r.At < until);
        }
        if (filter.ClientId is { } clientId)
        {
            query = query.Where(r => r.ClientId == clientId);
        }
        return await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(LoggedRequest request) => Cursor.Encode(request.At, request.Id);

    public async Task<LoggedRequest?> FindAsync(IntegrationDbContext db, string id, CancellationToken cancellationToken)
    {
        await WrittenAsync(cancellationToken);
        return await db.RequestLog.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>Which client software partners call with, across partners: what a deprecation of an SDK version would reach.</summary>
    public async Task<IReadOnlyList<ClientVersionUsage>> ClientVersionsAsync(IntegrationDbContext db, CancellationToken cancellationToken)
    {
        await WrittenAsync(cancellationToken);
        var byAgent = await db.Visible<LoggedRequest>()
            .GroupBy(r => new { r.UserAgent, r.PartnerId })
            .Select(g => new { g.Key.UserAgent, g.Key.PartnerId, Requests = g.LongCount(), LastSeenAt = g.Max(r => r.At) })
            .ToListAsync(cancellationToken);
        return [.. byAgent
            .GroupBy(r => ClientOf(r.UserAgent))
            .Select(g => new ClientVersionUsage(g.Key, g.Select(r => r.PartnerId).Distinct().Count(), g.Sum(r => r.Requests), g.Max(r => r.LastSeenAt)))
            .OrderByDescending(u => u.Requests).ThenBy(u => u.Client, StringComparer.Ordinal)];
    }

    /// <summary>The first product token: <c>PartnerPlatform.Sdk/1.0.0 (.NET 10.0.1; Linux)</c> → <c>PartnerPlatform.Sdk/1.0.0</c>.</summary>
    public static string ClientOf(string? userAgent) =>
        userAgent?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var product, ..] ? product : "unknown";

    /// <summary>Deletes calls before <paramref name="cutoff"/>; the event retention job runs it hourly.</summary>
    public static async Task<int> PruneAsync(IntegrationDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await db.Visible<LoggedRequest>().Where(r => r.At < cutoff).ExecuteDeleteAsync(cancellationToken);
}
