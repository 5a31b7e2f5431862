using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Orders;

namespace Integration.Application.Orders;

/// <summary>One order in the internal order list: whose it is, where it stands and its total; its lines are in the order itself.</summary>
public sealed record AdminOrderSummary(
    [property: StringLength(ContractLimits.Id)] string Id,
    [property: StringLength(ContractLimits.Id)] string PartnerId,
    ApiEnvironment Environment,
    [property: StringLength(ContractLimits.Reference)] string Reference,
    OrderStatus Status,
    MoneyAmount Total,
    [property: Range(1, ContractLimits.OrderLines)] int LineCount,
    [property: StringLength(ContractLimits.Id)] string? OutletId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt);
