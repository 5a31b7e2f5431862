using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Data;
using Integration.Sandbox.Worlds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Simulators;

namespace Integration.Sandbox.Worlds;

/// <summary>
/// A partner's sandbox as a whole: seeding it, resetting it to the seed, and saving and restoring
/// snapshots. A restore replaces the sandbox's rows in one transaction, so a failure leaves the
/// sandbox as it was; a reset that fails while seeding again leaves no sandbox, and the next request
/// seeds one.
/// </summary>
public sealed class SandboxWorlds(
    IntegrationDbContext db, SandboxWorldRows rows, SandboxSeed seed, BusinessClock clock, TimeProvider platform,
    IOptions<SandboxOptions> options, IOptions<Application.Settlement.SettlementOptions> settlement)
{
    public Task<SandboxWorld?> FindAsync(string partnerId, CancellationToken cancellationToken) =>
        db.SandboxWorlds.FirstOrDefaultAsync(w => w.PartnerId == partnerId, cancellationToken);

    /// <summary>The partner's sandbox, seeded first if it has none yet (or it was purged).</summary>
    public async Task<SandboxWorld> EnsureAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (await FindAsync(partnerId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        var now = platform.UtcNow();
        await using (var transaction = await db.BeginUnitOfWorkAsync(cancellationToken))
        {
            db.SandboxWorlds.Add(new SandboxWorld
            {
                PartnerId = partnerId, HistoryFrom = HistoryFrom(now), SeededAt = now, LastUsedAt = now, SimulatorCallsFrom = TimeProvider.System.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Seeded by a concurrent request.
                db.ChangeTracker.Clear();
                return await FindAsync(partnerId, cancellationToken) ?? throw new InvalidOperationException($"The sandbox of {partnerId} could not be created.");
            }
        }
        db.ChangeTracker.Clear();
        await PlantOrForgetAsync(partner, cancellationToken);
        return (await FindAsync(partnerId, cancellationToken))!;
    }

    // The seed commits step by step (orders go through the real order book). If it fails part-way, the
    // half-seeded sandbox is removed, so that the next request seeds it again from scratch.
    private async Task PlantOrForgetAsync(Core.Partners.Partner partner, CancellationToken cancellationToken)
    {
        try
        {
            await seed.PlantAsync(partner, cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await ReplaceRowsAsync(await PartnersOfAsync(partner.Id, CancellationToken.None), restore: null, CancellationToken.None);
            await using var transaction = await db.BeginUnitOfWorkAsync(CancellationToken.None);
            await db.SandboxWorlds.Where(w => w.PartnerId == partner.Id).ExecuteDeleteAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The partner and its seeded peers: the partners whose sandbox rows make up the sandbox.</summary>
    public async Task<List<string>> PartnersOfAsync(string partnerId, CancellationToken cancellationToken) =>
        [partnerId, .. await db.Partners.Where(p => p.SandboxOwnerId == partnerId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken)];

    /// <summary>Back to the seed: data, clock and simulator modes.</summary>
    public async Task<SandboxWorld> ResetAsync(string partnerId, CancellationToken cancellationToken)
    {
        await EnsureAsync(partnerId, cancellationToken);
        var partners = await PartnersOfAsync(partnerId, cancellationToken);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, cancellationToken);
        await ReplaceRowsAsync(partners, restore: null, cancellationToken);
        var world = (await FindAsync(partnerId, cancellationToken))!;
        // The log is on real time. Calls made before this moment stay out of sight even if another instance writes them later.
        world.SimulatorCallsFrom = TimeProvider.System.GetUtcNow();
        await db.SimulatorCalls.Where(c => c.PartnerId == partnerId).ExecuteDeleteAsync(cancellationToken);
        var now = platform.UtcNow();
        world.ClockOffset = TimeSpan.Zero;
        world.BankGatewayMode = SimulatorMode.Healthy;
        world.CarrierMode = SimulatorMode.Healthy;
        world.SeededAt = now;
        world.LastUsedAt = now;
        await SaveWorldAsync(world, cancellationToken);
        clock.RunAhead(TimeSpan.Zero);
        await PlantOrForgetAsync(partner, cancellationToken);
        return world;
    }

    public async Task<SandboxSnapshot> SnapshotAsync(string partnerId, string? name, CancellationToken cancellationToken)
    {
        var world = await EnsureAsync(partnerId, cancellationToken);
        var kept = await db.SandboxSnapshots.CountAsync(s => s.PartnerId == partnerId, cancellationToken);
        if (kept >= options.Value.MaxSnapshots)
        {
            throw new DomainException(ErrorKind.Conflict, "snapshot_limit_reached",
                $"A sandbox keeps at most {options.Value.MaxSnapshots} snapshots; delete one first.");
        }
        var partners = await PartnersOfAsync(partnerId, cancellationToken);
        var snapshot = new SandboxSnapshot
        {
            Id = Ids.New("snap"), PartnerId = partnerId, Name = name, CreatedAt = platform.UtcNow(), ClockOffset = world.ClockOffset,
            Rows = await rows.CaptureAsync(partners, cancellationToken),
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.SandboxSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return snapshot;
    }

    /// <summary>Newest first, keyset-paged by (created at, id).</summary>
    public async Task<IReadOnlyList<SandboxSnapshot>> SnapshotsAsync(string partnerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.SandboxSnapshots.AsNoTracking().Where(s => s.PartnerId == partnerId);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(s => s.CreatedAt < createdAt || (s.CreatedAt == createdAt && string.Compare(s.Id, id) > 0));
        }
        return await query.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Take(page.Limit + 1)
            .Select(s => new SandboxSnapshot { Id = s.Id, PartnerId = s.PartnerId, Name = s.Name, CreatedAt = s.CreatedAt, ClockOffset = s.ClockOffset, Rows = "" })
            .ToListAsync(cancellationToken);
    }

    public static string CursorOf(SandboxSnapshot snapshot) => Cursor.Encode(snapshot.CreatedAt, snapshot.Id);

    /// <summary>Returns the sandbox to a snapshot: its rows and its clock offset. Another partner's snapshot is not found.</summary>
    public async Task<SandboxWorld> RestoreAsync(string partnerId, string snapshotId, CancellationToken cancellationToken)
    {
        var snapshot = await db.SandboxSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId && s.PartnerId == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("snapshot", snapshotId);
        await EnsureAsync(partnerId, cancellationToken);
        var partners = await PartnersOfAsync(partnerId, cancellationToken);
        await ReplaceRowsAsync(partners, snapshot.Rows, cancellationToken);
        var world = (await FindAsync(partnerId, cancellationToken))!;
        world.ClockOffset = snapshot.ClockOffset;
        world.LastUsedAt = platform.UtcNow();
        await SaveWorldAsync(world, cancellationToken);
        clock.RunAhead(world.ClockOffset);
        return world;
    }

    public async Task DeleteSnapshotAsync(string partnerId, string snapshotId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var deleted = await db.SandboxSnapshots.Where(s => s.Id == snapshotId && s.PartnerId == partnerId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw DomainException.NotFound("snapshot", snapshotId);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<SandboxWorld> SetModeAsync(string partnerId, string simulator, SimulatorMode mode, CancellationToken cancellationToken)
    {
        var world = await EnsureAsync(partnerId, cancellationToken);
        if (simulator == Integration.Sandbox.Simulators.SandboxSimulators.Carrier)
        {
            world.CarrierMode = mode;
        }
        else
        {
            world.BankGatewayMode = mode;
        }
        await SaveWorldAsync(world, cancellationToken);
        return world;
    }

    /// <summary>How long a sandbox's simulator log is kept (unless a reset or purge clears it first).</summary>
    public static readonly TimeSpan SimulatorCallsKept = TimeSpan.FromDays(30);

    /// <summary>Purges sandboxes unused since <paramref name="cutoff"/>: their rows, snapshots and clock. Returns how many.</summary>
    public async Task<int> PurgeUnusedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var stale = await db.SandboxWorlds.AsNoTracking().Where(w => w.LastUsedAt < cutoff).Select(w => w.PartnerId).Take(100).ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var partnerId in stale)
        {
            var partners = await PartnersOfAsync(partnerId, cancellationToken);
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            if (await db.SandboxWorlds.Where(w => w.PartnerId == partnerId && w.LastUsedAt < cutoff).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                continue; // used meanwhile: kept
            }
            await ReleaseBrandStockAsync(partners, cancellationToken);
            await rows.ClearAsync(partners, cancellationToken);
            await db.SandboxSnapshots.Where(s => s.PartnerId == partnerId).ExecuteDeleteAsync(cancellationToken);
            await db.SimulatorCalls.Where(c => c.PartnerId == partnerId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            purged++;
        }
        var oldCalls = TimeProvider.System.GetUtcNow() - SimulatorCallsKept; // the log is on real time
        await db.SimulatorCalls.Where(c => c.At < oldCalls).ExecuteDeleteAsync(cancellationToken);
        return purged;
    }

    private DateTimeOffset HistoryFrom(DateTimeOffset now) =>
        SandboxSeed.HistoryMonth(now, settlement.Value.TimeZone, settlement.Value.CloseDelay).Start;

    // The sandbox's own brand-stock pool is part of its rows. Orders for other products draw on the shared
    // sandbox pool: the reservations of the orders being replaced go back to it, and those of the orders
    // restored are taken again.
    private async Task ReplaceRowsAsync(List<string> partners, string? restore, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await ReleaseBrandStockAsync(partners, cancellationToken);
        await rows.ClearAsync(partners, cancellationToken);
        if (restore is null)
        {
            await rows.ClearCustomersAsync(partners, cancellationToken);
        }
        else
        {
            rows.Restore(restore);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await rows.RelinkCustomersAsync(partners, cancellationToken);
            await ReserveBrandStockAsync(partners, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private Task ReleaseBrandStockAsync(List<string> partners, CancellationToken cancellationToken) => MoveReservationsAsync(partners, -1, cancellationToken);

    private Task ReserveBrandStockAsync(List<string> partners, CancellationToken cancellationToken) => MoveReservationsAsync(partners, +1, cancellationToken);

    private async Task MoveReservationsAsync(List<string> partners, int sign, CancellationToken cancellationToken)
    {
        var ownPools = db.BrandStock.Where(s => s.Environment == ApiEnvironment.Sandbox && partners.Contains(s.Pool)).Select(s => s.Sku);
        var held = await db.Orders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => partners.Contains(o.PartnerId) && o.Environment == ApiEnvironment.Sandbox && o.Status == OrderStatus.Confirmed)
            .SelectMany(o => o.Lines).Where(l => !ownPools.Contains(l.Sku))
            .GroupBy(l => l.Sku).Select(g => new { Sku = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToListAsync(cancellationToken);
        foreach (var line in held)
        {
            var delta = sign * line.Quantity;
            // A restored reservation tops the pool up if it has to: sandbox brand stock never runs out for a restore.
            await db.BrandStock.Where(s => s.Sku == line.Sku && s.Environment == ApiEnvironment.Sandbox && s.Pool == BrandStock.SharedPool).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Reserved, s => s.Reserved + delta < 0 ? 0 : s.Reserved + delta)
                .SetProperty(s => s.OnHand, s => s.OnHand < s.Reserved + delta ? s.Reserved + delta : s.OnHand), cancellationToken);
        }
    }

    private async Task SaveWorldAsync(SandboxWorld world, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        world.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.Conflict, "concurrent_update", "The sandbox changed while this request ran (another reset, restore or clock advance). Retry.");
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
