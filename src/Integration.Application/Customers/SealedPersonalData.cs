using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>A customer's personal data as <see cref="CustomerVault"/> encrypted it, one ciphertext per field, ready for a row.</summary>
internal sealed record SealedPersonalData(string? Name, string? Phone, string? Email, string? Address)
{
    public void WriteTo(Customer customer)
    {
        customer.ProtectedName = Name;
        customer.ProtectedPhone = Phone;
        customer.ProtectedEmail = Email;
        customer.ProtectedAddress = Address;
    }
}
