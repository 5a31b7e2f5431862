namespace Integration.Core.Orders;

/// <summary>Where and to whom an order was sold, when the partner says so: an outlet and a customer.</summary>
public sealed record OrderSoldBy(string? OutletId, string? CustomerId, string? CustomerExternalId);
