using System.Text.Json;
using Integration.Core.Customers;
using Microsoft.AspNetCore.DataProtection;

namespace Integration.Application.Customers;

/// <summary>
/// Encrypts and decrypts customers' personal data field by field with the platform's DataProtection keys (kept in the
/// database, shared by every instance). The key ring rotates and keeps retired keys for decryption, so rows written
/// under an older key stay readable; erasure deletes the ciphertext itself. Each field is AES-GCM under a data key that
/// DataProtection wraps (<see cref="BatchSealer"/>): one data key per customer written alone, one per bulk.
/// </summary>
public sealed class CustomerVault(IDataProtectionProvider protection)
{
    private const string Purpose = "Integration.Customers.PersonalData.v1";

    private static readonly JsonSerializerOptions AddressJson = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _dataKeys = protection.CreateProtector(Purpose, "BatchDataKey");

    public void Seal(Customer customer, PersonalData data)
    {
        using var batch = NewBatch();
        using var cipher = batch.NewCipher();
        Seal(batch, cipher, data).WriteTo(customer);
    }

    /// <summary>A fresh data key for one bulk (one DataProtection call); dispose of it when the bulk is sealed.</summary>
    internal BatchSealer NewBatch() => new(_dataKeys);

    /// <summary>Encrypts each field on its own under the batch's data key, with a cipher of the batch's (<see cref="BatchSealer.NewCipher"/>).</summary>
    internal static SealedPersonalData Seal(BatchSealer batch, System.Security.Cryptography.AesGcm cipher, PersonalData data) =>
        new(batch.Seal(cipher, "name"u8, data.Name), batch.Seal(cipher, "phone"u8, data.Phone), batch.Seal(cipher, "email"u8, data.Email),
            data.Address is null ? null : batch.Seal(cipher, "address"u8, AddressText(data.Address)));

    public PersonalData Open(Customer customer)
    {
        if (customer.IsErased)
        {
            return PersonalData.None;
        }
        // A row has one data key for its four fields: unwrapped once.
        (string Wrapped, byte[] Key)? dataKey = null;
        string? Unprotect(ReadOnlySpan<byte> field, string? value)
        {
            if (value is null)
            {
                return null;
            }
            var (wrapped, body) = BatchSealer.Split(value);
            if (dataKey?.Wrapped != wrapped)
            {
                dataKey = (wrapped, BatchSealer.UnwrapKey(_dataKeys, wrapped));
            }
            return BatchSealer.Open(dataKey.Value.Key, field, body);
        }
        var address = Unprotect("address"u8, customer.ProtectedAddress);
        return new(Unprotect("name"u8, customer.ProtectedName), Unprotect("phone"u8, customer.ProtectedPhone), Unprotect("email"u8, customer.ProtectedEmail),
            address is null ? null : JsonSerializer.Deserialize<CustomerAddress>(address, AddressJson));
    }

    private static string AddressText(CustomerAddress address) => JsonSerializer.Serialize(address, AddressJson);
}
