using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.RateLimiting;
using Integration.Application.Credentials;
using Integration.Application.OAuth;
using Integration.Application.Onboarding;
using Integration.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Integration.Api.Onboarding;

/// <summary>
/// Applying to become a partner, without a partner credential but with the sign-up site's publishable key: apply, then
/// confirm with the token e-mailed to the main contact.
/// The confirmation answers with your sandbox credential (shown once): the sandbox works at once.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[AllowAnonymous]
[ApplicationKey]
[Route("v{version:apiVersion}/applications")]
[Tags("Onboarding")]
public sealed class ApplicationsController(ApplicationDesk desk, IOptions<OAuthOptions> oauth) : ControllerBase
{
    /// <summary>
    /// Applies to become a partner. Answers 202: a confirmation e-mail with a single-use token goes to the first contact;
    /// the application is submitted when that token is confirmed. Limited per source address (5 an hour by default).
    /// </summary>
    [HttpPost(Name = "Apply")]
    [ApplicationsLimit]
    [RequestSizeLimit(ContractLimits.ApplicationBytes)]
    [ProblemResponses(413, 429)]
    [ProducesResponseType<ApplicationReceivedResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Apply(ApplicationRequest request, CancellationToken cancellationToken)
    {
        var application = await desk.ApplyAsync(request, oauth.Value.Issuer ?? $"{Request.Scheme}://{Request.Host}{Request.PathBase}", cancellationToken);
        return Accepted(new ApplicationReceivedResponse(application.Id, application.Status, MaskedEmail(application.PrimaryEmail), application.ConfirmationExpiresAt!.Value));
    }

    /// <summary>
    /// Confirms an application with the e-mail's token: the application is submitted, your partner record is created
    /// (status <c>onboarding</c>) and a sandbox credential is issued. Its secret is in this answer only.
    /// </summary>
    [HttpPost("confirm", Name = "ConfirmApplication")]
    [RequestSizeLimit(ContractLimits.ApplicationBytes)]
    [ProblemResponses(409, 422)]
    [ProducesResponseType<SubmittedApplicationResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Confirm(ConfirmApplicationRequest request, [FromServices] BusinessClock clock, CancellationToken cancellationToken)
    {
        var (application, credential, secret) = await desk.ConfirmAsync(request.Token, cancellationToken);
        return Created(Url.Link("GetMyApplication", new { version = RouteData.Values["version"] }),
            new SubmittedApplicationResponse(ApplicationResponse.Of(application, clock.GetUtcNow()), new CredentialWithSecretResponse(CredentialResponse.From(credential), secret)));
    }

    /// <summary>l***@example.com: enough for the applicant to recognise, nothing for anyone else to harvest.</summary>
    private static string MaskedEmail(string email)
    {
        var at = email.IndexOf('@');
        return email[..1] + "***" + email[at..];
    }
}
