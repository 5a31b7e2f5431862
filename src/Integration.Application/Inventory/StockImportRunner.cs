using System.Text.Json;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Inventory;

/// <summary>
/// Works through queued imports under a lease. Each chunk's stock changes and the import's progress
/// commit in one transaction, guarded by the lease: a worker that lost it (crashed and came back)
/// writes nothing, and its successor resumes after the last committed chunk.
/// </summary>
public sealed class StockImportRunner(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<InventoryOptions> options, DatabaseOutage outage, ILogger<StockImportRunner> logger) : BackgroundService
{
    public string InstanceId { get; } = Ids.New("importer", 12);

    /// <summary>Runs every unfinished import it can lease; <paramref name="maxChunks"/> stops early (tests play a crash with it).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, int maxChunks = int.MaxValue)
    {
        var chunks = 0;
        while (chunks < maxChunks && await LeaseNextAsync(cancellationToken) is { } import)
        {
            for (var index = import.NextChunk; index < import.ChunkCount && chunks < maxChunks; index++, chunks++)
            {
                if (!await RunChunkAsync(import, index, cancellationToken))
                {
                    break; // the lease was lost: another worker has it
                }
            }
        }
        return chunks;
    }

    private async Task<StockImport?> LeaseNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.Visible<StockImport>().AsNoTracking()
            .Where(i => i.Status != StockImportStatus.Completed && (i.LeaseUntil == null || i.LeaseUntil < now))
            .OrderBy(i => i.CreatedAt).Select(i => i.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            var won = await db.Visible<StockImport>()
                .Where(i => i.Id == id && i.Status != StockImportStatus.Completed && (i.LeaseUntil == null || i.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LeaseOwner, InstanceId).SetProperty(i => i.LeaseUntil, now + options.Value.ImportLease)
                    .SetProperty(i => i.Status, StockImportStatus.Running).SetProperty(i => i.StartedAt, i => i.StartedAt ?? now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (won == 1)
            {
                return await db.Visible<StockImport>().AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken);
            }
        }
        return null;
    }

    private async Task<bool> RunChunkAsync(StockImport leased, int index, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        db.ScopeTo(leased.PartnerId, leased.Environment); // the import's rows are its partner's, checked as that partner
        var imports = scope.ServiceProvider.GetRequiredService<StockImports>();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var import = await db.StockImports.FirstAsync(i => i.Id == leased.Id, cancellationToken);
        if (import.LeaseOwner != InstanceId || import.NextChunk != index)
        {
            return false;
        }
        var chunk = await db.StockImportChunks.AsNoTracking().FirstAsync(c => c.ImportId == import.Id && c.Index == index, cancellationToken);
        var (rows, applied, errors) = await imports.ApplyChunkAsync(import, chunk, cancellationToken);
        var now = clock.GetUtcNow();
        var kept = JsonSerializer.Deserialize<List<StockImportError>>(import.Errors, StockImports.ErrorJson)!;
        kept.AddRange(errors.Take(StockImport.MaxErrorsKept - kept.Count));
        var last = index + 1 == import.ChunkCount;
        // Guarded by the lease and the chunk number: a worker that lost its lease changes nothing.
        var moved = await db.StockImports
            .Where(i => i.Id == import.Id && i.LeaseOwner == InstanceId && i.NextChunk == index)
            .ExecuteUpdateAsync(u => u
                .SetProperty(i => i.NextChunk, index + 1)
                .SetProperty(i => i.ProcessedRows, i => i.ProcessedRows + rows)
                .SetProperty(i => i.AppliedRows, i => i.AppliedRows + applied)
                .SetProperty(i => i.FailedRows, i => i.FailedRows + errors.Count)
                .SetProperty(i => i.Errors, JsonSerializer.Serialize(kept, StockImports.ErrorJson))
                .SetProperty(i => i.Status, last ? StockImportStatus.Completed : StockImportStatus.Running)
                .SetProperty(i => i.CompletedAt, last ? now : null)
                .SetProperty(i => i.LeaseOwner, last ? null : InstanceId)
                .SetProperty(i => i.LeaseUntil, last ? null : now + options.Value.ImportLease), cancellationToken);
        if (moved != 1)
        {
            return false; // rolled back with the chunk's stock changes
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunImportsInBackground ? EverySecond.RunAsync(token => RunOnceAsync(token), outage, logger, "stock imports", stoppingToken) : Task.CompletedTask;
}
