using System.Globalization;
using System.Text.Encodings.Web;
using Integration.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Integration.Web.People;

/// <summary>
/// One sign-in for every door a person uses (the console's page and the admin session endpoint): the password, then
/// the authenticator code or a recovery code once one is enrolled; every failure counts toward the lockout.
/// </summary>
public sealed class PersonSignIn(UserManager<Person> people, PersonSessions sessions)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password, string? code, string? recoveryCode)
    {
        var person = await people.FindByEmailAsync(email);
        if (person is null || await people.IsLockedOutAsync(person) || !await people.CheckPasswordAsync(person, password))
        {
            if (person is not null)
            {
                await people.AccessFailedAsync(person);
            }
            return SignInOutcome.Refused("sign_in_failed", "The e-mail or the password is wrong, or the account is locked for a while after too many attempts.");
        }
        if (!person.TwoFactorEnabled)
        {
            await http.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: false));
            return new SignInOutcome(SignInStep.EnrollmentRequired, person);
        }
        bool passed;
        if (!string.IsNullOrWhiteSpace(code))
        {
            passed = await people.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", ""));
        }
        else if (!string.IsNullOrWhiteSpace(recoveryCode))
        {
            passed = (await people.RedeemTwoFactorRecoveryCodeAsync(person, recoveryCode.Trim())).Succeeded;
        }
        else
        {
            return new SignInOutcome(SignInStep.TwoFactorRequired, person, "two_factor_required",
                "Send the code of your authenticator app as 'code' (or a recovery code as 'recoveryCode').");
        }
        if (!passed)
        {
            await people.AccessFailedAsync(person);
            return SignInOutcome.Refused("two_factor_failed", "The authenticator code or recovery code is wrong or already used.");
        }
        await people.ResetAccessFailedCountAsync(person);
        await http.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: true));
        return new SignInOutcome(SignInStep.SignedIn, person);
    }

    /// <summary>A new authenticator key (while none is confirmed): the key to type and the otpauth address an app reads.</summary>
    public async Task<(string Key, string Uri)> BeginEnrollmentAsync(HttpContext http, Person person)
    {
        await people.ResetAuthenticatorKeyAsync(person);
        // A new key changes the security stamp, which every request checks: the session carries the new one.
        await http.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: false));
        var key = (await people.GetAuthenticatorKeyAsync(person))!;
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            UrlEncoder.Default.Encode("Partner Integration Platform"), UrlEncoder.Default.Encode(person.Email!), key);
        return (key, uri);
    }

    /// <summary>Confirms the authenticator with a code: two-factor sign-in is on from now and the session gains the roles; the recovery codes, shown once (null when the code is wrong).</summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrollmentAsync(HttpContext http, Person person, string code)
    {
        if (!await people.VerifyTwoFactorTokenAsync(person, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", "")))
        {
            return null;
        }
        await people.SetTwoFactorEnabledAsync(person, true);
        var codes = await people.GenerateNewTwoFactorRecoveryCodesAsync(person, 10);
        await http.SignInAsync(PersonSessions.Scheme, await sessions.PrincipalAsync(person, twoFactorPassed: true));
        return [.. codes ?? []];
    }
}
