using Integration.Core.Orders;

namespace Integration.Sandbox.Clocks;

/// <summary>An order's next step: when it falls due, the order, and the status it moves from (<see cref="Rank"/>: how far along the schedule).</summary>
internal readonly record struct DueStep(DateTimeOffset DueAt, string OrderId, OrderStatus From, int Rank)
{
    public static readonly Comparer<DueStep> Order = Comparer<DueStep>.Create((a, b) =>
        a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt)
        : string.CompareOrdinal(a.OrderId, b.OrderId) is var byId and not 0 ? byId
        : a.Rank.CompareTo(b.Rank));
}
