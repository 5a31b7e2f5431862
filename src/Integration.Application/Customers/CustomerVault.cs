using System.Text.Json;
using Integration.Core.Customers;
using Microsoft.AspNetCore.DataProtection;

namespace Integration.Application.Customers;

/// <summary>
/// Encrypts and decrypts customers' personal data field by field with the platform's DataProtection keys (kept in the
/// database, shared by every instance). The key ring rotates and keeps retired keys for decryption, so rows written
/// under an older key stay readable; erasure deletes the ciphertext itself.
/// </summary>
public sealed class CustomerVault(IDataProtectionProvider protection)
{
    private static readonly JsonSerializerOptions AddressJson = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = protection.CreateProtector("Integration.Customers.PersonalData.v1");

    public void Seal(Customer customer, PersonalData data)
    {
        customer.ProtectedName = Protect(data.Name);
        customer.ProtectedPhone = Protect(data.Phone);
        customer.ProtectedEmail = Protect(data.Email);
        customer.ProtectedAddress = data.Address is null ? null : _protector.Protect(JsonSerializer.Serialize(data.Address, AddressJson));
    }

    public PersonalData Open(Customer customer) => customer.IsErased
        ? PersonalData.None
        : new(Unprotect(customer.ProtectedName), Unprotect(customer.ProtectedPhone), Unprotect(customer.ProtectedEmail),
            customer.ProtectedAddress is null ? null : JsonSerializer.Deserialize<CustomerAddress>(_protector.Unprotect(customer.ProtectedAddress), AddressJson));

    private string? Protect(string? value) => value is null ? null : _protector.Protect(value);

    private string? Unprotect(string? value) => value is null ? null : _protector.Unprotect(value);
}
