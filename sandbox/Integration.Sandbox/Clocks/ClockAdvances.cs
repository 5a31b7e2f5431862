using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Clocks;

/// <summary>
/// Decides whether an advance runs in the request or in the background, and starts the background
/// one: the clock moves and the advance is recorded in one commit, so no moved clock is left
/// without the advance that finishes it (<see cref="ClockAdvanceRunner"/>).
/// </summary>
public sealed class ClockAdvances(
    IntegrationDbContext db, SandboxWorlds worlds, SandboxTimeMachine timeMachine, TimeProvider platform, IOptions<SandboxOptions> options)
{
    /// <summary>
    /// Starts the advance in the background when more order steps fall due than <c>Sandbox:Clock:AsynchronousAbove</c>;
    /// null when it is small enough to run in the request.
    /// </summary>
    public async Task<ClockAdvance?> BeginIfLargeAsync(string partnerId, TimeSpan? by, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var world = await worlds.EnsureAsync(partnerId, cancellationToken);
        var from = platform.UtcNow() + world.ClockOffset;
        var target = ClockExtensions.ToStoredPrecision(to ?? from + by!.Value);
        var expected = await OrderStepsDueAsync(target, cancellationToken);
        if (expected <= options.Value.Clock.AsynchronousAbove)
        {
            return null;
        }
        var advance = new ClockAdvance
        {
            Id = Ids.New("advance"), PartnerId = partnerId, Status = ClockAdvanceStatus.Advancing, From = from, To = target,
            OrderStepsExpected = expected, CreatedAt = platform.UtcNow(),
        };
        db.ClockAdvances.Add(advance); // saved by the clock's own commit
        var move = await timeMachine.MoveClockAsync(partnerId, by, to, cancellationToken);
        (advance.From, advance.To) = (move.From, move.To);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return advance;
    }

    /// <summary>One of the partner's advances; another partner's is not found.</summary>
    public async Task<ClockAdvance> FindAsync(string partnerId, string id, CancellationToken cancellationToken) =>
        await db.ClockAdvances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.PartnerId == partnerId, cancellationToken)
        ?? throw DomainException.NotFound("clock advance", id);

    /// <summary>What a ready advance ran, as a synchronous advance answers it; null until it is ready.</summary>
    public static AdvanceOutcome? OutcomeOf(ClockAdvance advance) =>
        advance.Outcome is null ? null : System.Text.Json.JsonSerializer.Deserialize<AdvanceOutcome>(advance.Outcome, ClockAdvanceRunner.OutcomeJson);

    /// <summary>The partner's advance still running, or null.</summary>
    public Task<ClockAdvance?> CurrentAsync(string partnerId, CancellationToken cancellationToken) =>
        db.ClockAdvances.AsNoTracking().Where(a => a.PartnerId == partnerId && a.Status == ClockAdvanceStatus.Advancing)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    // Each open order's steps along the schedule that fall due by the target, each step timed from the one before.
    private Task<int> OrderStepsDueAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        var schedule = options.Value.Orders;
        var (confirm, ship, deliver) = (target - schedule.ConfirmAfter, target - schedule.ShipAfter, target - schedule.DeliverAfter);
        var (confirmThenShip, confirmThenDeliver, shipThenDeliver) =
            (ship - schedule.ConfirmAfter, deliver - schedule.ShipAfter - schedule.ConfirmAfter, deliver - schedule.ShipAfter);
        return db.Orders.SumAsync(o =>
            o.Status == OrderStatus.Pending || o.Status == OrderStatus.AwaitingPayment
                ? (o.CreatedAt <= confirm ? 1 : 0) + (o.CreatedAt <= confirmThenShip ? 1 : 0) + (o.CreatedAt <= confirmThenDeliver ? 1 : 0)
                : o.Status == OrderStatus.Confirmed
                    ? ((o.ConfirmedAt ?? o.CreatedAt) <= ship ? 1 : 0) + ((o.ConfirmedAt ?? o.CreatedAt) <= shipThenDeliver ? 1 : 0)
                    : o.Status == OrderStatus.Shipped ? ((o.ShippedAt ?? o.CreatedAt) <= deliver ? 1 : 0) : 0,
            cancellationToken);
    }
}
