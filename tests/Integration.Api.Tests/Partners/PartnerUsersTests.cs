using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Onboarding;
using Integration.Application.Credentials;
using Integration.Application.OAuth;
using Integration.Application.Partners;
using Integration.Application.People;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Partners;

/// <summary>
/// A partner's portal users: the first owner (by an internal team, or at sign-up), the roles owners give, what each role
/// may do with credentials, and the claims the portal reads. The portal's calls are the services it will call.
/// </summary>
public sealed partial class PartnerUsersTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private const string Password = "Correct-horse-42-battery";

    [Fact]
    public async Task An_internal_team_creates_the_first_owner_who_sets_a_password_through_the_emailed_link()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var email = OnboardingSteps.NewEmail();
        await (await (await platform.ClientWithRoleAsync(InternalRole.Finance)).PostAsJsonAsync($"/admin/v1/partners/{partnerId}/users", new { email, displayName = "Zhou Lan" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        var onboarding = await platform.ClientWithRoleAsync(InternalRole.Onboarding);

        var created = await (await onboarding.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/users", new { email, displayName = "Zhou Lan" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("owner", created["role"]!.GetValue<string>());
        Assert.False(created["passwordSet"]!.GetValue<bool>());
        Assert.DoesNotContain("password\":\"", created.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await (await onboarding.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/users", new { email = OnboardingSteps.NewEmail(), displayName = "Second" }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "partner_has_users");
        await (await onboarding.PostAsJsonAsync("/admin/v1/partners/ptn_doesnotexist/users", new { email = OnboardingSteps.NewEmail(), displayName = "X" }))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        var mail = platform.MailTo(email).Single();
        var link = LinkPattern().Match(mail);
        Assert.True(link.Success, mail);
        var personId = Uri.UnescapeDataString(link.Groups["person"].Value);
        var token = Uri.UnescapeDataString(link.Groups["token"].Value);
        await WithUsersAsync(users => users.SetPasswordAsync(personId, token, Password, CancellationToken.None));
        var reused = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(users => users.SetPasswordAsync(personId, token, Password + "x", CancellationToken.None)));
        Assert.Equal("set_password_link_invalid", reused.Code);

        var listed = await (await onboarding.GetAsync($"/admin/v1/partners/{partnerId}/users")).ReadJsonAsync(HttpStatusCode.OK);
        var owner = Assert.Single(listed["data"]!.AsArray())!;
        Assert.Equal(email, owner["email"]!.GetValue<string>());
        Assert.True(owner["passwordSet"]!.GetValue<bool>());
        Assert.True(await WithPeopleAsync(async people => await people.CheckPasswordAsync((await people.FindByIdAsync(personId))!, Password)));
        await (await (await platform.ClientWithRoleAsync(InternalRole.Admin)).PutAsJsonAsync($"/admin/v1/people/{personId}/roles", new { roles = new[] { "admin" } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "partner_user_roles");
    }

    [Fact]
    public async Task The_main_contact_becomes_the_first_owner_at_sign_up_with_their_own_password()
    {
        var body = OnboardingSteps.ApplicationBody();
        var email = ((Dictionary<string, object?>[])body["contacts"]!)[0]["email"]!.ToString()!;
        await WithUsersAsync(users => users.CheckPasswordAsync(email, Password));
        var weak = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(users => users.CheckPasswordAsync(email, "short")));
        Assert.Equal("validation_failed", weak.Code);

        var applicant = await platform.ApplyAndConfirmAsync(body);
        var application = await platform.WithDbAsync(db => db.PartnerApplications.AsNoTracking().SingleAsync(a => a.Id == applicant.ApplicationId));
        var owner = await WithUsersAsync(users => users.SignUpOwnerAsync(application, Password, CancellationToken.None));

        Assert.Equal((applicant.PartnerId, PartnerRole.Owner, email), (owner.PartnerId, owner.PartnerRole, owner.Email));
        var again = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(users => users.SignUpOwnerAsync(application, Password, CancellationToken.None)));
        Assert.Equal("partner_has_users", again.Code);
        // The application's sandbox credential manages credentials: issued after the scope existed.
        await (await applicant.Client.GetAsync("/v2/credentials")).ReadJsonAsync(HttpStatusCode.OK);

        var principal = await WithScopeAsync(s => s.GetRequiredService<IUserClaimsPrincipalFactory<Person>>().CreateAsync(owner));
        Assert.Equal(applicant.PartnerId, principal.FindFirst(PlatformClaims.PartnerId)?.Value);
        Assert.Equal("owner", principal.FindFirst(PlatformClaims.PartnerRole)?.Value);
        // The internal console is not theirs.
        var console = platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await (await console.PostAsJsonAsync("/admin/v1/session", new { email, password = Password })).ReadProblemAsync(HttpStatusCode.Unauthorized, "partner_user");
    }

    [Fact]
    public async Task Internal_people_carry_no_partner_claims()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);
        var created = await (await admin.PostAsJsonAsync("/admin/v1/people", new { email = OnboardingSteps.NewEmail(), displayName = "Inside", roles = new[] { "viewer" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var person = await WithPeopleAsync(people => people.FindByIdAsync(created["person"]!["id"]!.GetValue<string>()));

        var principal = await WithScopeAsync(s => s.GetRequiredService<IUserClaimsPrincipalFactory<Person>>().CreateAsync(person!));

        Assert.Null(principal.FindFirst(PlatformClaims.PartnerId));
        Assert.Null(principal.FindFirst(PlatformClaims.PartnerRole));
    }

    [Fact]
    public async Task Owners_and_developers_manage_credentials_finance_and_viewers_only_read_them()
    {
        var (partnerId, owner) = await PartnerWithOwnerAsync();
        var developer = await AddUserAsync(owner, PartnerRole.Developer);
        var finance = await AddUserAsync(owner, PartnerRole.Finance);
        var viewer = await AddUserAsync(owner, PartnerRole.Viewer);

        var byOwner = await CreateCredentialAsync(owner, ["orders:read", "credentials:manage"]);
        var byDeveloper = await CreateCredentialAsync(developer, ["inventory:read"]);
        foreach (var refused in new[] { finance, viewer })
        {
            var create = await Assert.ThrowsAsync<DomainException>(() => CreateCredentialAsync(refused, ["orders:read"]));
            Assert.Equal("insufficient_partner_role", create.Code);
            var revoke = await Assert.ThrowsAsync<DomainException>(() => WithCredentialsAsync(c => c.RevokeAsync(Sandbox(refused), byDeveloper.Id, false, CancellationToken.None)));
            Assert.Equal("insufficient_partner_role", revoke.Code);
            var rotate = await Assert.ThrowsAsync<DomainException>(() => WithCredentialsAsync(c => c.RotateAsync(Sandbox(refused), byDeveloper.Id, null, CancellationToken.None)));
            Assert.Equal("insufficient_partner_role", rotate.Code);
            var listed = await WithCredentialsAsync(c => c.ListAsync(Sandbox(refused), new Application.Paging.PageRequest(), CancellationToken.None));
            Assert.Equal(new[] { byDeveloper.Id, byOwner.Id }.Order(), listed.Select(u => u.Credential.Id).Order());
        }
        await WithCredentialsAsync(c => c.RotateAsync(Sandbox(developer), byOwner.Id, TimeSpan.Zero, CancellationToken.None));
        await WithCredentialsAsync(c => c.RevokeAsync(Sandbox(developer), byOwner.Id, false, CancellationToken.None));

        // A developer's credential holds what the developer chose, nothing more.
        var session = platform.ClientWithToken(await platform.TokenAsync(byDeveloper.ClientId, byDeveloper.Secret));
        await (await session.GetAsync("/v2/credentials")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        var audit = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == byOwner.Id).OrderBy(e => e.Sequence).Select(e => e.Actor).ToListAsync());
        Assert.Equal([owner.Email!, developer.Email!, developer.Email!], audit);
        Assert.Equal(partnerId, byOwner.PartnerId);
    }

    [Fact]
    public async Task A_portal_user_gets_live_credentials_only_once_the_partners_onboarding_is_complete()
    {
        var applicant = await platform.ApplyAndConfirmAsync();
        var application = await platform.WithDbAsync(db => db.PartnerApplications.AsNoTracking().SingleAsync(a => a.Id == applicant.ApplicationId));
        var owner = await WithUsersAsync(users => users.SignUpOwnerAsync(application, Password, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<DomainException>(() => WithCredentialsAsync(c =>
            c.CreateAsync(PartnerActor.OfPerson(owner, ApiEnvironment.Live), ["orders:read"], null, CancellationToken.None)));

        Assert.Equal("onboarding_incomplete", refused.Code);
        Assert.Contains("live-credential request", refused.Message);
        var sandbox = await CreateCredentialAsync(owner, ["orders:read"]);
        Assert.StartsWith("sbx_", sandbox.ClientId);
    }

    [Fact]
    public async Task Only_owners_manage_users_and_the_last_owner_can_be_neither_removed_nor_demoted()
    {
        var (_, owner) = await PartnerWithOwnerAsync();
        var developer = await AddUserAsync(owner, PartnerRole.Developer);
        var notOwner = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(u => u.AddAsync(Sandbox(developer), OnboardingSteps.NewEmail(), "X", PartnerRole.Owner, "https://platform.example", CancellationToken.None)));
        Assert.Equal("insufficient_partner_role", notOwner.Code);

        var demote = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(u => u.ChangeRoleAsync(Sandbox(owner), owner.Id, PartnerRole.Developer, CancellationToken.None)));
        Assert.Equal("last_owner", demote.Code);
        var remove = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(async u => { await u.RemoveAsync(Sandbox(owner), owner.Id, CancellationToken.None); return 0; }));
        Assert.Equal("last_owner", remove.Code);

        var promoted = await WithUsersAsync(u => u.ChangeRoleAsync(Sandbox(owner), developer.Id, PartnerRole.Owner, CancellationToken.None));
        await WithUsersAsync(u => u.ChangeRoleAsync(Sandbox(promoted), owner.Id, PartnerRole.Viewer, CancellationToken.None));

        var users = await WithUsersAsync(u => u.ListAsync(owner.PartnerId!, CancellationToken.None));
        Assert.Equal([(developer.Id, PartnerRole.Owner), (owner.Id, PartnerRole.Viewer)], users.Select(p => (p.Id, p.PartnerRole!.Value)));
        await WithUsersAsync(async u => { await u.RemoveAsync(Sandbox(promoted), owner.Id, CancellationToken.None); return 0; });
        Assert.Null(await WithPeopleAsync(people => people.FindByIdAsync(owner.Id)));
    }

    [Fact]
    public async Task An_owner_never_reaches_another_partners_users()
    {
        var (_, ownerA) = await PartnerWithOwnerAsync();
        var (_, ownerB) = await PartnerWithOwnerAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => WithUsersAsync(u => u.ChangeRoleAsync(Sandbox(ownerA), ownerB.Id, PartnerRole.Viewer, CancellationToken.None)));

        Assert.Equal(ErrorKind.NotFound, refused.Kind);
    }

    private static PartnerActor Sandbox(Person person) => PartnerActor.OfPerson(person, ApiEnvironment.Sandbox);

    private async Task<(string PartnerId, Person Owner)> PartnerWithOwnerAsync()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var owner = await WithUsersAsync(u => u.CreateFirstOwnerAsync(partnerId, OnboardingSteps.NewEmail(), "Owner", "https://platform.example", "test-setup", CancellationToken.None));
        return (partnerId, owner);
    }

    private Task<Person> AddUserAsync(Person owner, PartnerRole role) =>
        WithUsersAsync(u => u.AddAsync(Sandbox(owner), OnboardingSteps.NewEmail(), SnakeCase.Of(role), role, "https://platform.example", CancellationToken.None));

    private async Task<IssuedByPerson> CreateCredentialAsync(Person person, string[] scopes)
    {
        var (credential, secret) = await WithCredentialsAsync(c => c.CreateAsync(Sandbox(person), scopes, null, CancellationToken.None));
        return new IssuedByPerson(credential.Id, credential.ClientId, secret, credential.PartnerId!);
    }

    private Task<T> WithUsersAsync<T>(Func<PartnerUsers, Task<T>> work) => WithScopeAsync(s => work(s.GetRequiredService<PartnerUsers>()));

    private Task WithUsersAsync(Func<PartnerUsers, Task> work) => WithScopeAsync(async s => { await work(s.GetRequiredService<PartnerUsers>()); return 0; });

    private Task<T> WithCredentialsAsync<T>(Func<PartnerCredentials, Task<T>> work) => WithScopeAsync(s => work(s.GetRequiredService<PartnerCredentials>()));

    private Task<T> WithPeopleAsync<T>(Func<UserManager<Person>, Task<T>> work) => WithScopeAsync(s => work(s.GetRequiredService<UserManager<Person>>()));

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private sealed record IssuedByPerson(string Id, string ClientId, string Secret, string PartnerId);

    [GeneratedRegex(@"set-password\?person=(?<person>[^&\s]+)&token=(?<token>\S+)")]
    private static partial Regex LinkPattern();
}
