using System.Text.Encodings.Web;
using Integration.Application.Audit;
using Integration.Application.Email;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Onboarding;
using Integration.Core.Partners;
using Integration.Data;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.People;

/// <summary>
/// A partner's own people (portal users): each belongs to one partner with one partner role. Owners add and remove
/// users and change their roles; a partner always keeps at least one owner. Nobody receives a password from us: a new
/// user sets theirs through a single-use link sent by e-mail, an applicant chooses theirs when signing up.
/// </summary>
public sealed class PartnerUsers(IntegrationDbContext db, UserManager<Person> people, AuditLog audit, IEmailSender email, TimeProvider clock)
{
    /// <summary>The partner's users, owners first, then by e-mail.</summary>
    public async Task<IReadOnlyList<Person>> ListAsync(string partnerId, CancellationToken cancellationToken)
    {
        var users = await db.People.AsNoTracking().Where(p => p.PartnerId == partnerId).ToListAsync(cancellationToken);
        return [.. users.OrderByDescending(p => p.PartnerRole).ThenBy(p => p.Email, StringComparer.Ordinal)];
    }

    /// <summary>An internal team creates a partner's first owner; they get a link to set their password.</summary>
    public async Task<Person> CreateFirstOwnerAsync(
        string partnerId, string emailAddress, string displayName, string platformUrl, string actor, CancellationToken cancellationToken)
    {
        await FindPartnerAsync(partnerId, cancellationToken);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        if (await db.People.AnyAsync(p => p.PartnerId == partnerId, cancellationToken))
        {
            throw new DomainException(ErrorKind.Conflict, "partner_has_users",
                $"Partner '{partnerId}' already has users; its owners add more in the portal.");
        }
        var person = await CreateAsync(partnerId, emailAddress, displayName, PartnerRole.Owner, password: null, actor, cancellationToken);
        await SendSetPasswordLinkAsync(person, platformUrl, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    /// <summary>
    /// Sign-up right after an applicant confirmed their application (<c>ApplicationDesk.ConfirmAsync</c>): the main
    /// contact becomes the partner's first owner with the password they chose. Pass only the application that
    /// confirmation returned; a partner that already has users is refused. Check the password first with
    /// <see cref="CheckPasswordAsync"/>, before confirming, so a refused password never costs the once-shown secret.
    /// </summary>
    public async Task<Person> SignUpOwnerAsync(PartnerApplication confirmed, string password, CancellationToken cancellationToken)
    {
        if (confirmed is not { PartnerId: { } partnerId, Status: ApplicationStatus.Submitted })
        {
            throw new DomainException(ErrorKind.Conflict, "application_not_confirmed",
                $"Application {confirmed.Id} is '{SnakeCase.Of(confirmed.Status)}'; sign-up follows its confirmation.");
        }
        var contact = confirmed.Contacts[0];
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        if (await db.People.AnyAsync(p => p.PartnerId == partnerId, cancellationToken))
        {
            throw new DomainException(ErrorKind.Conflict, "partner_has_users",
                $"Partner '{partnerId}' already has an owner; ask them to add you.");
        }
        var person = await CreateAsync(partnerId, contact.Email, contact.Name, PartnerRole.Owner, password, $"applicant:{contact.Email}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    /// <summary>Refuses a password that Identity's rules (12 characters at least, each kind of character) would refuse.</summary>
    public async Task CheckPasswordAsync(string emailAddress, string password)
    {
        var candidate = new Person { Id = "psn_check", UserName = emailAddress, Email = emailAddress, DisplayName = emailAddress };
        var errors = new List<string>();
        foreach (var validator in people.PasswordValidators)
        {
            var result = await validator.ValidateAsync(people, candidate, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            throw PasswordRefused(errors);
        }
    }

    /// <summary>An owner adds a user with a role; the user gets a link to set their password.</summary>
    public async Task<Person> AddAsync(
        PartnerActor who, string emailAddress, string displayName, PartnerRole role, string platformUrl, CancellationToken cancellationToken)
    {
        who.RequireOwner();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var person = await CreateAsync(who.PartnerId, emailAddress, displayName, role, password: null, who.Name, cancellationToken);
        await SendSetPasswordLinkAsync(person, platformUrl, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    /// <summary>An owner changes a user's role; the last owner cannot be demoted. The user's sessions end (new security stamp).</summary>
    public async Task<Person> ChangeRoleAsync(PartnerActor who, string personId, PartnerRole role, CancellationToken cancellationToken)
    {
        who.RequireOwner();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var person = await FindUserAsync(who.PartnerId, personId, cancellationToken);
        var before = person.PartnerRole;
        if (before == PartnerRole.Owner && role != PartnerRole.Owner)
        {
            await EnsureAnotherOwnerAsync(person, "demoted", cancellationToken);
        }
        person.ChangePartnerRole(role);
        Succeed(await people.UpdateSecurityStampAsync(person)); // saves the role too
        await audit.AppendAsync(new AuditRecord(who.Name, "partner_user.role_changed", person.Id,
            Details: new { partnerId = who.PartnerId, before = before is { } b ? SnakeCase.Of(b) : null, after = SnakeCase.Of(role) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    /// <summary>An owner removes a user (their sign-in ends with their record); the last owner cannot be removed.</summary>
    public async Task RemoveAsync(PartnerActor who, string personId, CancellationToken cancellationToken)
    {
        who.RequireOwner();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var person = await FindUserAsync(who.PartnerId, personId, cancellationToken);
        if (person.PartnerRole == PartnerRole.Owner)
        {
            await EnsureAnotherOwnerAsync(person, "removed", cancellationToken);
        }
        Succeed(await people.DeleteAsync(person));
        await audit.AppendAsync(new AuditRecord(who.Name, "partner_user.removed", person.Id,
            Details: new { partnerId = who.PartnerId, person.Email }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The set-password link's target: the token from the e-mail and a new password (the token works once).</summary>
    public async Task SetPasswordAsync(string personId, string token, string password, CancellationToken cancellationToken)
    {
        var person = await people.FindByIdAsync(personId);
        if (person is not { IsPartnerUser: true })
        {
            throw InvalidLink();
        }
        await CheckPasswordAsync(person.Email!, password);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var result = await people.ResetPasswordAsync(person, token, password);
        if (!result.Succeeded)
        {
            throw InvalidLink();
        }
        await people.ConfirmEmailAsync(person, await people.GenerateEmailConfirmationTokenAsync(person));
        await audit.AppendAsync(new AuditRecord(person.Email!, "partner_user.password_set", person.Id, Details: new { partnerId = person.PartnerId }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Person> CreateAsync(
        string partnerId, string emailAddress, string displayName, PartnerRole role, string? password, string actor, CancellationToken cancellationToken)
    {
        var person = new Person { Id = Ids.New("psn"), UserName = emailAddress, Email = emailAddress, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        person.JoinPartner(partnerId, role);
        if (password is not null)
        {
            await CheckPasswordAsync(emailAddress, password);
        }
        var created = password is null ? await people.CreateAsync(person) : await people.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            throw new DomainException(ErrorKind.Conflict, "person_exists", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await audit.AppendAsync(new AuditRecord(actor, "partner_user.added", person.Id,
            Details: new { partnerId, person.Email, role = SnakeCase.Of(role) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    private async Task SendSetPasswordLinkAsync(Person person, string platformUrl, CancellationToken cancellationToken)
    {
        var token = await people.GeneratePasswordResetTokenAsync(person);
        var link = $"{platformUrl.TrimEnd('/')}/signin/set-password?person={UrlEncoder.Default.Encode(person.Id)}&token={UrlEncoder.Default.Encode(token)}";
        await email.SendAsync(new EmailMessage(person.Email!, "Set your password for the partner portal",
            $"Hello {person.DisplayName},\n\nYou have been given access to the partner portal as {SnakeCase.Of(person.PartnerRole!.Value)}.\n"
            + $"Choose your password here (the link works once, for one day):\n\n{link}\n\nIf you did not expect this, ignore this e-mail."), cancellationToken);
    }

    private async Task EnsureAnotherOwnerAsync(Person person, string what, CancellationToken cancellationToken)
    {
        // A no-op write to the partner's row: two owners demoting each other at once wait for one another (PostgreSQL's
        // row lock; SQLite has one writer), so the second counts the first's change and the partner keeps an owner.
        await db.Partners.Where(p => p.Id == person.PartnerId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, p => p.Name), cancellationToken);
        if (!await db.People.AnyAsync(p => p.PartnerId == person.PartnerId && p.PartnerRole == PartnerRole.Owner && p.Id != person.Id, cancellationToken))
        {
            throw new DomainException(ErrorKind.Conflict, "last_owner",
                $"{person.Email} is the partner's last owner and cannot be {what}: make another user owner first.");
        }
    }

    private async Task<Person> FindUserAsync(string partnerId, string personId, CancellationToken cancellationToken) =>
        await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.PartnerId == partnerId, cancellationToken)
        ?? throw DomainException.NotFound("user", personId);

    private async Task FindPartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId && p.SandboxOwnerId == null, cancellationToken))
        {
            throw DomainException.NotFound("partner", partnerId);
        }
    }

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(ErrorKind.Conflict, "person_changed", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static DomainException InvalidLink() =>
        new(ErrorKind.Unprocessable, "set_password_link_invalid", "This link is not valid any more (it works once, for one day). Ask an owner to send a new one.");

    private static DomainException PasswordRefused(IEnumerable<string> errors) =>
        new(ErrorKind.Validation, "validation_failed", "The password does not meet the rules.",
            new Dictionary<string, string[]> { ["password"] = [.. errors] });
}
