namespace Integration.Application.Customers;

/// <summary>Why a bulk row was rejected: the field (e.g. <c>phone</c>, <c>address.regionCode</c>; empty for the row) and the reason.</summary>
public sealed record BulkCustomerError(string Field, string Reason);
