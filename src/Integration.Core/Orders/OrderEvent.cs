using Integration.Core.Common;

namespace Integration.Core.Orders;

/// <summary>What happened to an order: who, when, from which status to which. Partners read these.</summary>
public sealed class OrderEvent : IPartnerOwned
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }

    /// <summary>The order's version after this event: 1 for creation, then one more per change. Orders the events.</summary>
    public int OrderVersion { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Type { get; init; }
    public OrderStatus? FromStatus { get; init; }
    public OrderStatus ToStatus { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? Details { get; init; }
}
