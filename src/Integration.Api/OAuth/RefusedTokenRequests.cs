using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Data;
using Microsoft.Extensions.Options;

namespace Integration.Api.OAuth;

/// <summary>
/// Refused token requests, counted in memory per client id, source address, error and reason, and written to
/// the audit log as one summary each per interval (issue 18: one row per refusal let anonymous
/// callers fill the disk). Past <see cref="RefusedTokenSummaryOptions.MaxPerInterval"/> distinct
/// summaries, refusals are counted together under <see cref="OtherClients"/>.
/// </summary>
public sealed class RefusedTokenRequests(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<RefusedTokenSummaryOptions> options, ILogger<RefusedTokenRequests> logger)
{
    /// <summary>The client id of the summary that counts refusals past the bound.</summary>
    public const string OtherClients = "(other client ids)";

    private readonly Lock _lock = new();
    private Dictionary<SummaryKey, Summary> _pending = [];

    public void Count(string clientId, string address, string error, string? reason)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var key = new SummaryKey(clientId, address, error, reason is { Length: > 200 } ? reason[..200] : reason);
            if (!_pending.ContainsKey(key) && _pending.Count >= options.Value.MaxPerInterval)
            {
                key = new SummaryKey(OtherClients, "*", "*", null);
            }
            if (_pending.TryGetValue(key, out var summary))
            {
                _pending[key] = summary with { Count = summary.Count + 1, LastAt = now };
            }
            else
            {
                _pending[key] = new Summary(1, now, now);
            }
        }
    }

    /// <summary>Writes what was counted since the last flush, in one transaction; on failure it is kept for the next.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<SummaryKey, Summary> batch;
        lock (_lock)
        {
            (batch, _pending) = (_pending, []);
        }
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            foreach (var (key, summary) in batch)
            {
                await audit.AppendAsync(new AuditRecord(key.ClientId, "token.refused", key.ClientId, AuditOutcome.Refused, new
                {
                    address = key.Address,
                    error = key.Error,
                    reason = key.Reason,
                    count = summary.Count,
                    firstAt = summary.FirstAt,
                    lastAt = summary.LastAt,
                }), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not write {Count} summaries of refused token requests; they are kept for the next try", batch.Count);
            lock (_lock)
            {
                foreach (var (key, summary) in batch)
                {
                    _pending[key] = _pending.TryGetValue(key, out var later)
                        ? new Summary(summary.Count + later.Count, summary.FirstAt, later.LastAt)
                        : summary;
                }
            }
            throw;
        }
    }

    private readonly record struct SummaryKey(string ClientId, string Address, string Error, string? Reason);

    private readonly record struct Summary(int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
}
