using Integration.Application.Events;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Inventory;

/// <summary>
/// Transfers between partners. A transfer involves two partners, so it is not under the one-partner
/// tenancy filter: every read here filters by party and environment itself, and a partner who is
/// neither side gets 404, like for any resource that is not theirs.
/// </summary>
public sealed class TransferDesk(IntegrationDbContext db, SharedStock shared, StockLevels stock, EventLog events, BusinessClock clock)
{
    public async Task<Transfer> RequestAsync(Caller caller, CreateTransferRequest request, CancellationToken cancellationToken)
    {
        var partnerId = caller.PartnerId!;
        var environment = caller.Environment!.Value;
        if (request.FromLocationId == request.ToLocationId)
        {
            throw DomainException.Invalid("toLocationId", "A transfer moves stock between two different locations.");
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var to = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.ToLocationId, cancellationToken)
            ?? throw DomainException.NotFound("location", request.ToLocationId);
        if (await db.Locations.AnyAsync(l => l.Id == request.FromLocationId, cancellationToken))
        {
            throw new DomainException(ErrorKind.Unprocessable, "transfer_to_self",
                "Both locations are yours: move stock between your own locations with adjustments.",
                new Dictionary<string, string[]> { ["fromLocationId"] = ["This location is yours."] });
        }
        var from = await shared.LocationsSharedWith(partnerId, await shared.RegionOfAsync(partnerId), environment).AsNoTracking()
            .FirstOrDefaultAsync(l => l.Id == request.FromLocationId, cancellationToken)
            ?? throw DomainException.NotFound("location", request.FromLocationId); // not shared with the caller: as if absent
        if (!await db.Products.AnyAsync(p => p.Sku == request.Sku, cancellationToken))
        {
            throw new DomainException(ErrorKind.Unprocessable, "unknown_sku", $"There is no product with SKU '{request.Sku}'.",
                new Dictionary<string, string[]> { ["sku"] = [$"There is no product with SKU '{request.Sku}'."] });
        }
        var now = clock.UtcNow();
        var transfer = new Transfer
        {
            Id = Ids.New("trf"), Environment = environment, RequesterPartnerId = partnerId, OwnerPartnerId = from.PartnerId,
            FromLocationId = from.Id, ToLocationId = to.Id, Sku = request.Sku, Quantity = request.Quantity, RequestedAt = now, ExpiresAt = now + Transfer.Lifetime,
        };
        await stock.MoveForTransferAsync(from.Id, transfer.Sku, transfer.Quantity, TransferStockMove.Reserve, cancellationToken);
        db.Transfers.Add(transfer);
        Announce(transfer, EventTypes.TransferRequested, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return transfer;
    }

    public async Task<IReadOnlyList<Transfer>> ListAsync(Caller caller, TransferDirection? direction, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Mine(caller).AsNoTracking();
        if (direction == TransferDirection.Incoming) query = query.Where(t => t.OwnerPartnerId == caller.PartnerId);
        if (direction == TransferDirection.Outgoing) query = query.Where(t => t.RequesterPartnerId == caller.PartnerId);
        if (page.Cursor is not null)
        {
            var (requestedAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(t => t.RequestedAt <= requestedAt && (t.RequestedAt < requestedAt || string.Compare(t.Id, id) < 0));
        }
        return await query.OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Transfer transfer) => Cursor.Encode(transfer.RequestedAt, transfer.Id);

    public async Task<Transfer> GetAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        await Mine(caller).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw DomainException.NotFound("transfer", id);

    /// <summary>The owner accepts: the units leave its location and arrive at the requester's, in one transaction.</summary>
    public Task<Transfer> AcceptAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, TransferStatus.Accepted, null, cancellationToken);

    public Task<Transfer> RejectAsync(Caller caller, string id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, TransferStatus.Rejected, reason, cancellationToken);

    /// <summary>Expires requested transfers older than 48 hours, releasing their reservations. Safe to run on several instances at once. With <c>sandboxPartners</c>, only the sandbox transfers involving them (a sandbox clock advance).</summary>
    public async Task<int> ExpireDueAsync(IReadOnlyCollection<string>? sandboxPartners, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var candidates = sandboxPartners is null ? db.Transfers : db.Transfers.Where(t => t.Environment == ApiEnvironment.Sandbox
            && (sandboxPartners.Contains(t.RequesterPartnerId) || sandboxPartners.Contains(t.OwnerPartnerId)));
        var due = await candidates.AsNoTracking().Where(t => t.Status == TransferStatus.Requested && t.ExpiresAt <= now)
            .OrderBy(t => t.ExpiresAt).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in due)
        {
            try
            {
                await SettleAsync(id, TransferStatus.Expired, null, cancellationToken);
                expired++;
            }
            catch (DomainException)
            {
                // decided (or expired by another instance) meanwhile
            }
        }
        return expired;
    }

    private async Task<Transfer> DecideAsync(Caller caller, string id, TransferStatus outcome, string? reason, CancellationToken cancellationToken)
    {
        var transfer = await GetAsync(caller, id, cancellationToken);
        if (transfer.OwnerPartnerId != caller.PartnerId)
        {
            throw new DomainException(ErrorKind.Forbidden, "not_transfer_owner",
                "Only the partner whose stock is asked for accepts or rejects a transfer.");
        }
        if (transfer.ExpiresAt <= clock.UtcNow() && transfer.Status == TransferStatus.Requested)
        {
            await SettleAsync(id, TransferStatus.Expired, null, cancellationToken);
            throw new DomainException(ErrorKind.Conflict, "invalid_transition", "This transfer expired before it was decided; the reservation was released.");
        }
        return await SettleAsync(id, outcome, reason, cancellationToken);
    }

    private async Task<Transfer> SettleAsync(string id, TransferStatus outcome, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var transfer = await db.Transfers.FirstAsync(t => t.Id == id, cancellationToken);
        // Claim the transfer before moving stock (as OrderBook claims an order): a concurrent decision waits
        // on this row, then finds its version gone, instead of moving the units a second time.
        if (await db.Transfers.Where(t => t.Id == id && t.Version == transfer.Version)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Version, t => t.Version), cancellationToken) == 0)
        {
            throw DecidedMeanwhile();
        }
        var now = clock.UtcNow();
        transfer.Decide(outcome, now, reason);
        if (outcome == TransferStatus.Accepted)
        {
            await stock.MoveForTransferAsync(transfer.FromLocationId, transfer.Sku, transfer.Quantity, TransferStockMove.ShipOut, cancellationToken);
            await stock.MoveForTransferAsync(transfer.ToLocationId, transfer.Sku, transfer.Quantity, TransferStockMove.Receive, cancellationToken);
        }
        else
        {
            await stock.MoveForTransferAsync(transfer.FromLocationId, transfer.Sku, transfer.Quantity, TransferStockMove.Release, cancellationToken);
        }
        Announce(transfer, outcome switch
        {
            TransferStatus.Accepted => EventTypes.TransferAccepted,
            TransferStatus.Rejected => EventTypes.TransferRejected,
            _ => EventTypes.TransferExpired,
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DecidedMeanwhile();
        }
        await transaction.CommitAsync(cancellationToken);
        return transfer;
    }

    private static DomainException DecidedMeanwhile() =>
        new(ErrorKind.Conflict, "invalid_transition", "This transfer was decided meanwhile. Read it again.");

    // Both sides learn of every step, each in its own event log.
    private void Announce(Transfer transfer, string type, DateTimeOffset now)
    {
        var data = TransferResponse.Of(transfer);
        events.Append(transfer.RequesterPartnerId, transfer.Environment, type, transfer.Id, data, now);
        events.Append(transfer.OwnerPartnerId, transfer.Environment, type, transfer.Id, data, now);
    }

    private IQueryable<Transfer> Mine(Caller caller) =>
        db.Transfers.Where(t => t.Environment == caller.Environment!.Value && (t.RequesterPartnerId == caller.PartnerId || t.OwnerPartnerId == caller.PartnerId));
}

/// <summary>Expires undecided transfers every minute.</summary>
public sealed class TransferExpiry(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<TransferExpiry> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TransferDesk>().ExpireDueAsync(null, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Inventory:ExpireTransfersInBackground", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is > 0 and var expired)
                {
                    logger.LogInformation("Expired {Count} transfers", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expiring transfers failed; it runs again in a minute");
            }
        }
    }
}
