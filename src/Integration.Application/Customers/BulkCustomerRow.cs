using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Customers;

/// <summary>One customer of a bulk upsert: your id for it and the customer, as a PUT would send it.</summary>
public sealed record BulkCustomerRow : CustomerRequest
{
    /// <summary>Your own id for the customer (1 to 64 printable ASCII characters, no spaces).</summary>
    [Required(ErrorMessage = "externalId is required: your own id for the customer.")]
    [StringLength(ContractLimits.CustomerExternalId)]
    [RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = "externalId is 1 to 64 printable ASCII characters without spaces.")]
    public string? ExternalId { get; init; }
}
