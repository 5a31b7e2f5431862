using System.ComponentModel.DataAnnotations;
using Integration.Core.Credentials;
using Integration.Data.People;

namespace Integration.Api.People;

public sealed record CreatePersonRequest
{
    /// <summary>What the person signs in with.</summary>
    [EmailAddress]
    [StringLength(256, MinimumLength = 3)]
    public required string Email { get; init; }

    [StringLength(200, MinimumLength = 1)]
    public required string DisplayName { get; init; }

    /// <summary>What the person is trusted with (docs/internal-roles.md).</summary>
    [MinLength(1, ErrorMessage = "Give the person at least one role.")]
    [MaxLength(8)]
    public required IReadOnlyList<InternalRole> Roles { get; init; }
}

/// <summary>An internal person; <c>twoFactorEnabled</c> is false until they have enrolled an authenticator.</summary>
public sealed record PersonResponse(string Id, string Email, string DisplayName, IReadOnlyList<InternalRole> Roles, bool TwoFactorEnabled, DateTimeOffset CreatedAt)
{
    public static PersonResponse From(Person p) => new(p.Id, p.Email ?? "", p.DisplayName, p.Roles, p.TwoFactorEnabled, p.CreatedAt);
}

/// <summary>A new person and the password for their first sign-in, shown in this answer only.</summary>
public sealed record NewPersonResponse(PersonResponse Person, string InitialPassword);

public sealed record SignInRequest
{
    [StringLength(256, MinimumLength = 1)]
    public required string Email { get; init; }

    [StringLength(256, MinimumLength = 1)]
    public required string Password { get; init; }

    /// <summary>The 6-digit code of the person's authenticator app, once enrolled.</summary>
    [StringLength(16, MinimumLength = 1)]
    public string? Code { get; init; }

    /// <summary>Instead of <c>code</c>: one of the recovery codes, each usable once.</summary>
    [StringLength(32, MinimumLength = 1)]
    public string? RecoveryCode { get; init; }
}

public sealed record TotpCodeRequest
{
    [StringLength(16, MinimumLength = 1)]
    public required string Code { get; init; }
}

/// <summary>
/// Where a sign-in stands: <c>signed_in</c> (the cookie reaches the admin API with the person's roles) or
/// <c>enrollment_required</c> (the cookie only enrolls an authenticator: <c>POST /admin/v1/session/totp</c>).
/// </summary>
public sealed record SessionResponse(PersonResponse Person, string State);

/// <summary>The authenticator key to add to an app (as text or the otpauth URI); confirm with a code.</summary>
public sealed record TotpEnrollmentResponse(string SharedKey, string AuthenticatorUri);

/// <summary>Recovery codes, each usable once instead of a TOTP code; shown in this answer only.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
