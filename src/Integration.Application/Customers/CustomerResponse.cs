using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>
/// A customer of yours. <c>personalData</c> says how its personal fields read: <c>masked</c> (scope
/// <c>customers:read</c>: <c>138****1234</c>, <c>z***@example.com</c>, <c>张**</c>, the address reduced to its region)
/// or <c>whole</c> (with <c>customers:pii:read</c>). <c>consents</c> are those in force, one per purpose. ETag <c>"v{version}"</c>.
/// </summary>
public sealed record CustomerResponse(
    string Id, string ExternalId, string PersonalData, string? Name, string? Phone, string? Email, CustomerAddressBody? Address,
    IReadOnlyList<ConsentResponse> Consents, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Masked = "masked";
    public const string Whole = "whole";

    public static CustomerResponse Of(Customer customer, PersonalData data, bool whole, IEnumerable<CustomerConsent> history)
    {
        var shown = whole ? data : data.Masked();
        var inForce = history.GroupBy(c => c.Purpose)
            .Select(g => g.OrderBy(c => c.GivenAt).ThenBy(c => c.RecordedAt).Last())
            .OrderBy(c => c.Purpose).Select(ConsentResponse.Of).ToList();
        return new(customer.Id, customer.ExternalId!, whole ? Whole : Masked, shown.Name, shown.Phone, shown.Email,
            shown.Address is null ? null : CustomerAddressBody.Of(shown.Address), inForce, customer.Version, customer.CreatedAt, customer.UpdatedAt);
    }
}
