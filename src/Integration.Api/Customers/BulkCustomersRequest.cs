using System.ComponentModel.DataAnnotations;
using Integration.Application.Customers;
using Integration.Core.Common;

namespace Integration.Api.Customers;

/// <summary>
/// Up to 5,000 customers, each row a customer as <c>PUT /v2/customers/{externalId}</c> takes it plus its
/// <c>externalId</c>. Each row stands on its own: one that is not a valid customer (a field's shape or type, a member unknown) is rejected in the answer, by index, and the others are kept.
/// </summary>
public sealed record BulkCustomersRequest
{
    [MinLength(1)]
    [MaxLength(ContractLimits.BulkCustomerRows)]
    // Read and checked one by one by CustomerBook, so a bad row is reported instead of failing the request.
    [Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
    public required IReadOnlyList<System.Text.Json.JsonElement> Rows { get; init; }
}
