namespace Integration.Core.Common;

/// <summary>
/// The shapes of coded strings, used by the request contracts' validation and written into the OpenAPI documents.
/// Each admits at most the <see cref="ContractLimits"/> length named beside it.
/// </summary>
public static class ContractPatterns
{
    /// <summary>ISO 3166-1 alpha-2 (<see cref="ContractLimits.CountryCode"/>).</summary>
    public const string CountryCode = "^[A-Z]{2}$";

    /// <summary>ISO 4217 (<see cref="ContractLimits.CurrencyCode"/>).</summary>
    public const string CurrencyCode = "^[A-Z]{3}$";

    /// <summary>A month, YYYY-MM (<see cref="ContractLimits.Period"/>).</summary>
    public const string Period = @"^\d{4}-\d{2}$";

    /// <summary>Printable ASCII without spaces, 1 to <see cref="ContractLimits.IdempotencyKey"/> characters.</summary>
    public const string IdempotencyKey = @"^[\x21-\x7E]{1,255}$";

    /// <summary>An e-mail address, local part and domain (<see cref="ContractLimits.Email"/>).</summary>
    public const string Email = @"^[^@\s<>()\[\],;:""\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$";

    /// <summary>A partner's own customer id: printable ASCII without spaces (<see cref="ContractLimits.CustomerExternalId"/>).</summary>
    public const string CustomerExternalId = @"^[\x21-\x7E]{1,64}$";

    /// <summary>A phone number: digits, optionally a leading +, spaces or dashes between (<see cref="ContractLimits.CustomerPhone"/>).</summary>
    public const string CustomerPhone = @"^\+?[0-9][0-9 -]{6,22}[0-9]$";

    /// <summary>Where a consent was given: a code, not a sentence (<see cref="ContractLimits.ConsentSource"/>).</summary>
    public const string ConsentSource = @"^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$";
}
