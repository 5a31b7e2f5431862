namespace Integration.Core.Customers;

/// <summary>A customer's personal data in clear, only ever in memory (stored encrypted field by field).</summary>
public sealed record PersonalData(string? Name, string? Phone, string? Email, CustomerAddress? Address)
{
    public static readonly PersonalData None = new(null, null, null, null);

    /// <summary>As a reader with <c>customers:read</c> but not <c>customers:pii:read</c> sees it.</summary>
    public PersonalData Masked() => new(
        Name is null ? null : PersonalDataMask.Name(Name),
        Phone is null ? null : PersonalDataMask.Phone(Phone),
        Email is null ? null : PersonalDataMask.Email(Email),
        Address?.Masked());
}
