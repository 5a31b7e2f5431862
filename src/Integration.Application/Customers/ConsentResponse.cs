using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>A consent as recorded: granted or withdrawn, when, where, and when the platform learnt of it.</summary>
public sealed record ConsentResponse(ConsentPurpose Purpose, bool Granted, DateTimeOffset At, string Source, DateTimeOffset RecordedAt)
{
    public static ConsentResponse Of(CustomerConsent consent) => new(consent.Purpose, consent.Granted, consent.GivenAt, consent.Source, consent.RecordedAt);
}
