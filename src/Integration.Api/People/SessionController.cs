using System.Globalization;
using System.Text.Encodings.Web;
using Asp.Versioning;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Data.People;
using Integration.Web.People;
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
public sealed class SessionController(UserManager<Person> people, PersonSignIn signIn) : ControllerBase
{
    [HttpPost]
    [AllowAnonymous]
    public async Task<SessionResponse> Begin(SignInRequest request)
    {
        var outcome = await signIn.SignInAsync(HttpContext, request.Email, request.Password, request.Code, request.RecoveryCode);
        return outcome switch
        {
            { Step: SignInStep.SignedIn, Person: { } person } => new SessionResponse(PersonResponse.From(person), "signed_in"),
            { Step: SignInStep.EnrollmentRequired, Person: { } person } => new SessionResponse(PersonResponse.From(person), "enrollment_required"),
            _ => throw Refused(outcome.RefusalCode!, outcome.Refusal!),
        };
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
        var (key, uri) = await signIn.BeginEnrollmentAsync(HttpContext, await SignedInAsync());
        return new TotpEnrollmentResponse(key, uri);
    }

    /// <summary>Confirms the authenticator with a code; two-factor sign-in is on from now, and the recovery codes are shown once.</summary>
    [HttpPost("totp/verify")]
    [Authorize(AuthenticationSchemes = PersonSessions.Scheme)]
    public async Task<RecoveryCodesResponse> Verify(TotpCodeRequest request) =>
        new([.. await signIn.ConfirmEnrollmentAsync(HttpContext, await SignedInAsync(), request.Code)
            ?? throw Refused("two_factor_failed", "The authenticator code is wrong; check the app's clock and the key you entered.")]);

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
