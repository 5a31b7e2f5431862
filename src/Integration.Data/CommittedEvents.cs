using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integration.Data;

/// <summary>
/// Tells webhook dispatchers in this process that a transaction which appended events has committed,
/// so they deliver at once instead of at their next poll (other instances find the events by polling).
/// </summary>
public static class CommittedEvents
{
    public static event Action? Committed;

    internal static void Raise() => Committed?.Invoke();
}

internal sealed class CommittedEventsInterceptor : DbTransactionInterceptor
{
    public static readonly CommittedEventsInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Notify(TransactionEndEventData eventData)
    {
        if (eventData.Context is IntegrationDbContext { AppendedEvents: true } db)
        {
            db.AppendedEvents = false;
            CommittedEvents.Raise();
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is IntegrationDbContext db)
        {
            db.AppendedEvents = false;
        }
    }
}
