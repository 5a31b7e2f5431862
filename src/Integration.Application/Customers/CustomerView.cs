using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>A customer read for an answer: the row, its personal data decrypted (in memory only) and its consent history.</summary>
public sealed record CustomerView(Customer Customer, PersonalData Data, IReadOnlyList<CustomerConsent> Consents)
{
    public CustomerResponse Response(bool whole) => CustomerResponse.Of(Customer, Data, whole, Consents);
}
