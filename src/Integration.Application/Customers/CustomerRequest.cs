using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>
/// A customer as your CRM holds it. A PUT replaces the whole customer: a field left out is cleared. Consents are
/// added to the customer's consent history (a statement already recorded is not added twice).
/// </summary>
public record CustomerRequest
{
    [StringLength(ContractLimits.PersonName, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Digits with an optional leading + and spaces or dashes between, 8 to 24 characters.</summary>
    [StringLength(ContractLimits.CustomerPhone)]
    [RegularExpression(ContractPatterns.CustomerPhone, ErrorMessage = "phone is digits, optionally with a leading + and spaces or dashes between them (8 to 24 characters).")]
    public string? Phone { get; init; }

    [StringLength(ContractLimits.Email)]
    [RegularExpression(ContractPatterns.Email, ErrorMessage = "email is an e-mail address such as name@example.com.")]
    public string? Email { get; init; }

    public CustomerAddressBody? Address { get; init; }

    /// <summary>At most one statement per purpose.</summary>
    [MaxLength(2)]
    public IReadOnlyList<ConsentStatement>? Consents { get; init; }

    public PersonalData ToPersonalData() => new(Name, Phone, Email, Address?.ToAddress());
}
