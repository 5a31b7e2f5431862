namespace Integration.Application.Customers;

/// <summary>A bulk upsert's outcome: counts, and one result per row in the order sent. Good rows are kept when others are rejected.</summary>
public sealed record BulkCustomersResponse(int Created, int Updated, int Rejected, IReadOnlyList<BulkCustomerResult> Results);
