namespace Integration.Application.Customers;

/// <summary>
/// One change of a customer of yours, in commit order: <c>created</c>, <c>updated</c> or <c>erased</c>. It carries no
/// personal data: read the customer for that. <c>externalId</c> is the customer's id now (null once erased).
/// </summary>
public sealed record CustomerChangeResponse(long Sequence, string Change, string CustomerId, string? ExternalId, int Version, DateTimeOffset OccurredAt);
