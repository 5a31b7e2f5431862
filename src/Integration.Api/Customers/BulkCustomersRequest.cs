using System.ComponentModel.DataAnnotations;
using Integration.Application.Customers;
using Integration.Core.Common;

namespace Integration.Api.Customers;

/// <summary>Up to 5,000 customers; each row stands on its own.</summary>
public sealed record BulkCustomersRequest
{
    [MinLength(1)]
    [MaxLength(ContractLimits.BulkCustomerRows)]
    // Rows are checked one by one by CustomerBook, so a bad row is reported instead of failing the request.
    [Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
    public required IReadOnlyList<BulkCustomerRow?> Rows { get; init; }
}
