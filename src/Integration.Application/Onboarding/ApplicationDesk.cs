using Integration.Application.Audit;
using Integration.Application.Credentials;
using Integration.Application.Email;
using Integration.Application.Events;
using Integration.Application.Paging;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Onboarding;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Onboarding;

/// <summary>
/// Applications from first contact to the review's outcome (domain.md › Onboarding). On submission the partner record is
/// created in <see cref="PartnerStatus.Onboarding"/> with a sandbox credential; each status change is an event, and each
/// internal team's action an audit entry, in the transaction of the change.
/// </summary>
public sealed class ApplicationDesk(
    IntegrationDbContext db, PartnerRegistry partners, CredentialIssuer credentials, EventLog events, AuditLog audit,
    IEmailSender email, TimeProvider clock, IOptions<OnboardingOptions> options, ILogger<ApplicationDesk> logger)
{
    public const string InternalChannel = "internal";
    public const string PublicChannel = "public";

    /// <summary>An internal team enters an application: it is submitted at once.</summary>
    public async Task<(PartnerApplication Application, Credential Sandbox, string Secret)> CreateAsync(
        ApplicationRequest request, string actor, CancellationToken cancellationToken)
    {
        CheckAnswers(request.Regions, request.FoundedOn);
        var application = PartnerApplication.Start(InternalChannel, clock.UtcNow());
        Fill(application, request);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.PartnerApplications.Add(application);
        await audit.AppendAsync(new AuditRecord(actor, "application.created", application.Id,
            Details: new { application.CompanyName, mode = SnakeCase.Of(application.CooperationMode), application.Regions }), cancellationToken);
        var (credential, secret) = await SubmitAsync(application, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (application, credential, secret);
    }

    /// <summary>The applicant applies without a credential: a draft, and a confirmation e-mail with a single-use link.</summary>
    public async Task<PartnerApplication> ApplyAsync(ApplicationRequest request, string platformUrl, CancellationToken cancellationToken)
    {
        CheckAnswers(request.Regions, request.FoundedOn);
        var now = clock.UtcNow();
        var application = PartnerApplication.Start(PublicChannel, now);
        Fill(application, request);
        var token = ConfirmationToken.New();
        application.ConfirmationTokenHash = ConfirmationToken.Hash(token);
        application.ConfirmationExpiresAt = now + options.Value.ConfirmationLifetime;

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.PartnerApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        // Sent before the commit: an application whose e-mail could not go out is not kept.
        await email.SendAsync(ConfirmationMail(application, token, platformUrl), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return application;
    }

    /// <summary>The applicant confirms with the e-mail's token: the application is submitted and its sandbox credential issued.</summary>
    public async Task<(PartnerApplication Application, Credential Sandbox, string Secret)> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ConfirmationToken.Hash(token);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var application = await db.PartnerApplications.FirstOrDefaultAsync(a => a.ConfirmationTokenHash == hash, cancellationToken)
            ?? throw new DomainException(ErrorKind.Unprocessable, "confirmation_token_invalid",
                "This confirmation token is not one we sent. Copy the whole link from the e-mail, or apply again.");
        if (application.Status != ApplicationStatus.Draft)
        {
            throw new DomainException(ErrorKind.Conflict, "confirmation_token_used",
                $"This confirmation token was already used: application {application.Id} is '{SnakeCase.Of(application.Status)}'. "
                + "Its sandbox credential was shown once, in the answer to that confirmation.");
        }
        if (application.ConfirmationExpiresAt <= clock.UtcNow())
        {
            throw new DomainException(ErrorKind.Unprocessable, "confirmation_token_expired",
                $"This confirmation token expired at {application.ConfirmationExpiresAt:u}. Apply again to get a new e-mail.");
        }
        var (credential, secret) = await SubmitAsync(application, $"applicant:{application.PrimaryEmail}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (application, credential, secret);
    }

    public async Task<PartnerApplication> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.PartnerApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw DomainException.NotFound("application", id);

    /// <summary>The application of the calling partner; a partner that never applied has none (404).</summary>
    public async Task<PartnerApplication> GetOfPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        await db.PartnerApplications.AsNoTracking().FirstOrDefaultAsync(a => a.PartnerId == partnerId, cancellationToken)
        ?? throw new DomainException(ErrorKind.NotFound, "resource_not_found", "Your partner record was not created from an application: there is none to show.");

    /// <summary>Newest first, optionally in one status.</summary>
    public async Task<IReadOnlyList<PartnerApplication>> ListAsync(ApplicationStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.PartnerApplications.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(a => a.CreatedAt <= createdAt && (a.CreatedAt < createdAt || string.Compare(a.Id, id) < 0));
        }
        return await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(PartnerApplication application) => Cursor.Encode(application.CreatedAt, application.Id);

    /// <summary>A reviewer takes a submitted application into review; the platform pre-fills the checklist.</summary>
    public Task<PartnerApplication> StartReviewAsync(string id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, "application.review_started", null, async (application, now) =>
        {
            var previous = application.MoveTo(ApplicationStatus.InReview, now);
            await ApplicationChecklist.RefreshAsync(db, application, now, cancellationToken);
            return previous;
        }, cancellationToken);

    /// <summary>The reviewer's verdict and note on one criterion; only while the application is in review.</summary>
    public Task<PartnerApplication> RecordVerdictAsync(string id, QualificationCriterion criterion, RecordVerdictRequest request, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, "application.verdict_recorded", new { criterion = SnakeCase.Of(criterion), verdict = SnakeCase.Of(request.Verdict), request.Note },
            (application, now) =>
            {
                if (application.Status != ApplicationStatus.InReview)
                {
                    throw NotInReview(application);
                }
                if (request.Verdict == CriterionVerdict.Pending)
                {
                    throw DomainException.Invalid("verdict", "A reviewer's verdict is met, not_met or not_applicable.");
                }
                if (request.Verdict == CriterionVerdict.NotApplicable && criterion != QualificationCriterion.RetailWarehouse && QualificationChecklist.IsRequired(criterion))
                {
                    throw DomainException.Invalid("verdict", $"'{SnakeCase.Of(criterion)}' applies to every applicant; only retail_warehouse and iso_certificate can be not_applicable.");
                }
                application.Checklist = [.. application.Checklist.Where(i => i.Criterion != criterion),
                    new ChecklistItem { Criterion = criterion, Verdict = request.Verdict, Note = request.Note, DecidedBy = actor, DecidedAt = now }];
                application.Touch(now);
                return Task.FromResult<ApplicationStatus?>(null);
            }, cancellationToken);

    /// <summary>Back to the applicant with what is missing; it adds documents or answers and resubmits.</summary>
    public async Task<PartnerApplication> RequestInformationAsync(string id, RequestInformationRequest request, string actor, CancellationToken cancellationToken)
    {
        var application = await ChangeAsync(id, actor, "application.information_requested", request,
            (application, now) => Task.FromResult<ApplicationStatus?>(application.RequestInformation(request.Missing.Trim(), now)), cancellationToken);
        await NotifyAsync(application, "More information needed for your partner application",
            $"The brand's reviewers need more from you before they can go on:\n\n{application.InformationRequested}\n\n"
            + "Upload documents or answer with your sandbox credential (POST /v2/application/resubmit); see the onboarding guide.", cancellationToken);
        return application;
    }

    /// <summary>Rejects with a reason (e-mailed to the main contact); the partner record ends (terminated) and its sandbox credential is revoked.</summary>
    public async Task<PartnerApplication> RejectAsync(string id, RejectApplicationRequest request, string actor, CancellationToken cancellationToken)
    {
        var application = await ChangeAsync(id, actor, "application.rejected", request, async (application, now) =>
        {
            var previous = application.Reject(request.Reason.Trim(), now);
            if (application.PartnerId is { } partnerId && await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken) is { Status: PartnerStatus.Onboarding } partner)
            {
                await partners.UpdateAsync(partner, new UpdatePartnerRequest { Status = PartnerStatus.Terminated }, actor, cancellationToken);
            }
            return previous;
        }, cancellationToken);
        await NotifyAsync(application, "Your partner application", $"Your application was not accepted:\n\n{application.RejectionReason}", cancellationToken);
        return application;
    }

    /// <summary>Approves for negotiation; refused while a required criterion is not met or not judged.</summary>
    public Task<PartnerApplication> ApproveAsync(string id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, "application.approved_for_negotiation", null, (application, now) =>
        {
            if (application.Status != ApplicationStatus.InReview)
            {
                throw NotInReview(application);
            }
            if (QualificationChecklist.Blocking(application.Checklist) is { Count: > 0 } blocking)
            {
                throw new DomainException(ErrorKind.Conflict, "qualification_criteria_not_met",
                    "Required criteria are not met yet: " + string.Join("; ", blocking.Select(i => $"{SnakeCase.Of(i.Criterion)} is {SnakeCase.Of(i.Verdict)}")) + ".",
                    blocking.ToDictionary(i => $"checklist.{SnakeCase.Of(i.Criterion)}", i => new[] { i.Note ?? SnakeCase.Of(i.Verdict) }));
            }
            return Task.FromResult<ApplicationStatus?>(application.MoveTo(ApplicationStatus.ApprovedForNegotiation, now));
        }, cancellationToken);

    /// <summary>The applicant answers a request for information; the review goes on with the new answers and documents.</summary>
    public async Task<PartnerApplication> ResubmitAsync(string partnerId, ResubmitApplicationRequest request, CancellationToken cancellationToken)
    {
        var id = (await GetOfPartnerAsync(partnerId, cancellationToken)).Id;
        if (request.Regions is not null || request.FoundedOn is not null)
        {
            CheckAnswers(request.Regions ?? ["CN"], request.FoundedOn ?? DateOnly.MinValue);
        }
        return await ChangeAsync(id, actor: null, action: null, null, async (application, now) =>
        {
            var previous = application.Resubmit(request.Response.Trim(), now);
            application.Regions = request.Regions?.ToList() ?? application.Regions;
            application.FoundedOn = request.FoundedOn ?? application.FoundedOn;
            application.WarehouseAreaSquareMetres = request.WarehouseAreaSquareMetres ?? application.WarehouseAreaSquareMetres;
            application.Outlets = request.Outlets ?? application.Outlets;
            await ApplicationChecklist.RefreshAsync(db, application, now, cancellationToken);
            return previous;
        }, cancellationToken);
    }

    /// <summary>
    /// Loads the application, applies <paramref name="change"/> (which returns the status it left, or null when the status
    /// stayed), then writes the event, the audit entry of an internal action and the change in one transaction.
    /// </summary>
    private async Task<PartnerApplication> ChangeAsync(
        string id, string? actor, string? action, object? details, Func<PartnerApplication, DateTimeOffset, Task<ApplicationStatus?>> change,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var application = await db.PartnerApplications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw DomainException.NotFound("application", id);
        var now = clock.UtcNow();
        if (await change(application, now) is { } previous)
        {
            ApplicationEvents.StatusChanged(events, application, previous, now);
        }
        if (actor is not null && action is not null)
        {
            await audit.AppendAsync(new AuditRecord(actor, action, application.Id, Details: details), cancellationToken);
        }
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return application;
    }

    private async Task<(Credential Credential, string Secret)> SubmitAsync(PartnerApplication application, string actor, CancellationToken cancellationToken)
    {
        var partner = await partners.CreateAsync(new CreatePartnerRequest
        {
            Name = application.CompanyName, Tier = PartnerTier.Basic, CreditRating = CreditRating.B,
            CooperationMode = application.CooperationMode, RegionCode = application.Regions[0], Status = PartnerStatus.Onboarding,
        }, actor, cancellationToken);
        application.PartnerId = partner.Id;
        var now = clock.UtcNow();
        var previous = application.MoveTo(ApplicationStatus.Submitted, now);
        ApplicationEvents.StatusChanged(events, application, previous, now);
        await SaveAsync(cancellationToken);
        return await credentials.IssueForPartnerAsync(partner.Id, new IssuePartnerCredentialRequest
        {
            Environment = ApiEnvironment.Sandbox, Scopes = [.. ApiScopes.PartnerScopes], Name = $"{partner.Name} (sandbox, from application)",
        }, actor, cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.Conflict, "concurrent_update", "The application changed while this request ran. Read it again and retry.");
        }
    }

    /// <summary>After the change committed: a notice that could not go out is logged, the applicant also sees the status through the API.</summary>
    private async Task NotifyAsync(PartnerApplication application, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(new EmailMessage(application.PrimaryEmail, subject, $"Hello {application.Contacts[0].Name},\n\n{body}\n\nApplication {application.Id}\n"), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The notice '{Subject}' of application {ApplicationId} could not be sent", subject, application.Id);
        }
    }

    private EmailMessage ConfirmationMail(PartnerApplication application, string token, string platformUrl)
    {
        // The portal's confirmation page by default (it also makes the contact the partner's first portal owner).
        var page = options.Value.ConfirmationPageUrl ?? $"{platformUrl.TrimEnd('/')}/signin/confirm";
        var how = $"Confirm it here (the link works once, until {application.ConfirmationExpiresAt:u}):\n\n{page}?token={Uri.EscapeDataString(token)}\n\n"
            + $"Or send the token from a tool:\n\ncurl -X POST {platformUrl.TrimEnd('/')}/v2/applications/confirm -H 'Content-Type: application/json' -d '{{\"token\":\"{token}\"}}'";
        return new EmailMessage(application.PrimaryEmail, "Confirm your partner application",
            $"Hello {application.Contacts[0].Name},\n\nwe received the partner application of {application.CompanyName} ({application.Id}).\n\n{how}\n\n"
            + "The answer carries your sandbox credential, shown once. If you did not apply, ignore this e-mail.\n");
    }

    private static void Fill(PartnerApplication application, ApplicationRequest request)
    {
        application.CompanyName = request.CompanyName.Trim();
        application.Contacts = [.. request.Contacts.Select(c => new ApplicationContact { Name = c.Name.Trim(), Email = c.Email.Trim(), Phone = c.Phone?.Trim(), Role = c.Role?.Trim() })];
        application.CooperationMode = request.CooperationMode;
        application.Regions = [.. request.Regions.Distinct()];
        application.FoundedOn = request.FoundedOn;
        application.WarehouseAreaSquareMetres = request.WarehouseAreaSquareMetres;
        application.Outlets = request.Outlets;
        application.Retail = request.Retail;
    }

    private void CheckAnswers(IReadOnlyList<string> regions, DateOnly foundedOn)
    {
        if (regions.FirstOrDefault(r => !RegionCode.IsValid(r)) is { } bad)
        {
            throw DomainException.Invalid("regions", $"'{bad}' is not a region code; they look like CN, CN-SH or CN-SH-PD.");
        }
        if (foundedOn > DateOnly.FromDateTime(clock.UtcNow().UtcDateTime))
        {
            throw DomainException.Invalid("foundedOn", "foundedOn is in the future.");
        }
    }

    private static DomainException NotInReview(PartnerApplication application) =>
        new(ErrorKind.Conflict, "invalid_transition", $"Application {application.Id} is '{SnakeCase.Of(application.Status)}'; this needs it 'in_review'.");
}
