using System.Globalization;
using System.Text.Encodings.Web;
using Asp.Versioning;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.People;

/// <summary>
/// Internal people sign in for the console: password, then TOTP (required for every internal role). Not part of the
/// admin API's contract: browsers use it, tools use internal credentials.
/// </summary>
[ApiController]
[ApiVersion(1)]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/v{version:apiVersion}/session")]
public sealed class SessionController(UserManager<Person> people, PersonSessions sessions) : ControllerBase
{
    [HttpPost]
    [AllowAnonymous]
    public async Task<SessionResponse> Begin(SignInRequest request)
    {
        var person = await people.FindByEmailAsync(request.Email);
        if (person is null || await people.IsLockedOutAsync(person) || !await people.CheckPasswordAsync(person, request.Password))
        {
            if (person is not null)
            {
                await people.AccessFailedAsync(person);
            }
            throw Refused("sign_in_failed", "The e-mail or the password is wrong, or the account is locked for a while after too many attempts.");
        }
        if (person.IsPartnerUser)
        {
            throw Refused("partner_user", "This account belongs to a partner: sign in to the partner portal. The console is for internal people.");
        }
        if (!person.TwoFactorEnabled)
        {
            await HttpContext.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: false));
            return new SessionResponse(PersonResponse.From(person), "enrollment_required");
        }
        var passed = request switch
        {
            { Code: { } code } => await people.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", "")),
            { RecoveryCode: { } recovery } => (await people.RedeemTwoFactorRecoveryCodeAsync(person, recovery)).Succeeded,
            _ => throw Refused("two_factor_required", "Send the code of your authenticator app as 'code' (or a recovery code as 'recoveryCode')."),
        };
        if (!passed)
        {
            await people.AccessFailedAsync(person);
            throw Refused("two_factor_failed", "The authenticator code or recovery code is wrong or already used.");
        }
        await people.ResetAccessFailedCountAsync(person);
        await HttpContext.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: true));
        return new SessionResponse(PersonResponse.From(person), "signed_in");
    }

    [HttpDelete]
    [AllowAnonymous]
    public async Task<IActionResult> EndSession()
    {
        await HttpContext.SignOutAsync(PersonSessions.Scheme);
        return NoContent();
    }

    /// <summary>A new authenticator key, while none is confirmed yet.</summary>
    [HttpPost("totp")]
    [Authorize(AuthenticationSchemes = PersonSessions.Scheme)]
    public async Task<TotpEnrollmentResponse> Enroll()
    {
        var person = await SignedInAsync();
        await people.ResetAuthenticatorKeyAsync(person);
        // A new key changes the security stamp, which every request checks: the session carries the new one.
        await HttpContext.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: false));
        var key = (await people.GetAuthenticatorKeyAsync(person))!;
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            UrlEncoder.Default.Encode("Partner Integration Platform"), UrlEncoder.Default.Encode(person.Email!), key);
        return new TotpEnrollmentResponse(key, uri);
    }

    /// <summary>Confirms the authenticator with a code; two-factor sign-in is on from now, and the recovery codes are shown once.</summary>
    [HttpPost("totp/verify")]
    [Authorize(AuthenticationSchemes = PersonSessions.Scheme)]
    public async Task<RecoveryCodesResponse> Verify(TotpCodeRequest request)
    {
        var person = await SignedInAsync();
        if (!await people.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, request.Code.Replace(" ", "")))
        {
            throw Refused("two_factor_failed", "The authenticator code is wrong; check the app's clock and the key you entered.");
        }
        await people.SetTwoFactorEnabledAsync(person, true);
        var codes = await people.GenerateNewTwoFactorRecoveryCodesAsync(person, 10);
        await HttpContext.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: true));
        return new RecoveryCodesResponse([.. codes ?? []]);
    }

    private async Task<Person> SignedInAsync()
    {
        var id = User.FindFirst(PlatformClaims.CredentialId)?.Value;
        var person = (id is null ? null : await people.FindByIdAsync(id)) ?? throw Refused("sign_in_failed", "Sign in first.");
        if (person.TwoFactorEnabled)
        {
            throw new DomainException(ErrorKind.Conflict, "two_factor_enrolled", "An authenticator is already confirmed; an admin resets it if it is lost.");
        }
        return person;
    }

    private static DomainException Refused(string code, string detail) => new(ErrorKind.Unauthenticated, code, detail);
}
