using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Integration.Api.Tests.InternalTeams;

/// <summary>Internal people sign in with a password and TOTP; their cookie reaches the admin API under the same policies, never the partner API.</summary>
public sealed class PeopleTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_person_added_by_an_admin_enrolls_totp_and_then_reaches_the_admin_api_with_their_roles_only()
    {
        var (email, password) = await NewPersonAsync("finance");
        var browser = Browser();

        var first = await (await browser.PostAsJsonAsync("/admin/v1/session", new { email, password })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("enrollment_required", first["state"]!.GetValue<string>());
        // A password alone reaches nothing.
        await (await browser.GetAsync("/admin/v1/partners")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");

        var enrollment = await (await browser.PostAsync("/admin/v1/session/totp", null)).ReadJsonAsync(HttpStatusCode.OK);
        var key = enrollment["sharedKey"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/", enrollment["authenticatorUri"]!.GetValue<string>());
        await (await browser.PostAsJsonAsync("/admin/v1/session/totp/verify", new { code = "000000" == Totp.Code(key) ? "111111" : "000000" }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "two_factor_failed");
        var recovery = await (await browser.PostAsJsonAsync("/admin/v1/session/totp/verify", new { code = Totp.Code(key) })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, recovery["recoveryCodes"]!.AsArray().Count);

        // A fresh browser: password and code.
        var later = Browser();
        await (await later.PostAsJsonAsync("/admin/v1/session", new { email, password })).ReadProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
        var signedIn = await (await later.PostAsJsonAsync("/admin/v1/session", new { email, password, code = Totp.Code(key) })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("signed_in", signedIn["state"]!.GetValue<string>());
        await (await later.GetAsync("/admin/v1/partners")).ReadJsonAsync(HttpStatusCode.OK);
        await (await later.GetAsync("/admin/v1/payouts")).ReadJsonAsync(HttpStatusCode.OK);
        var refused = await (await later.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody())).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        Assert.Contains("'partners.write'", refused["detail"]!.GetValue<string>());
        // The partner API stays bearer-only.
        await (await later.GetAsync("/v2/partners/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        // A recovery code works once.
        var code = recovery["recoveryCodes"]![0]!.GetValue<string>();
        await (await Browser().PostAsJsonAsync("/admin/v1/session", new { email, password, recoveryCode = code })).ReadJsonAsync(HttpStatusCode.OK);
        await (await Browser().PostAsJsonAsync("/admin/v1/session", new { email, password, recoveryCode = code })).ReadProblemAsync(HttpStatusCode.Unauthorized, "two_factor_failed");
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_a_role_taken_away_leaves_the_session()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);
        var (email, password, id) = await NewPersonWithIdAsync("risk");
        await (await Browser().PostAsJsonAsync("/admin/v1/session", new { email, password = password + "x" })).ReadProblemAsync(HttpStatusCode.Unauthorized, "sign_in_failed");
        var browser = await SignedInAsync(email, password);
        await (await browser.GetAsync("/admin/v1/audit-entries?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync($"/admin/v1/people/{id}/roles", new { roles = new[] { "viewer" } })).ReadJsonAsync(HttpStatusCode.OK);

        await (await browser.GetAsync("/admin/v1/audit-entries?limit=1")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_adds_people_and_the_audit_log_names_the_person_who_acted()
    {
        var onboarding = await platform.ClientWithRoleAsync(InternalRole.Onboarding);
        await (await onboarding.PostAsJsonAsync("/admin/v1/people", new { email = "x@example.com", displayName = "X", roles = new[] { "admin" } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");

        var (email, password) = await NewPersonAsync("onboarding");
        var browser = await SignedInAsync(email, password);
        var created = await (await browser.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody())).ReadJsonAsync(HttpStatusCode.Created);

        var entries = await (await platform.AdminClientAsync()).GetAsync($"/admin/v1/audit-entries?limit=100");
        var entry = (await entries.ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray().First(e => e!["target"]!.GetValue<string>() == created["id"]!.GetValue<string>())!;
        Assert.Equal(email, entry["actor"]!.GetValue<string>());
        Assert.Contains("onboarding", entry["details"]!.ToJsonString());
    }

    private HttpClient Browser() => platform.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var browser = Browser();
        await (await browser.PostAsJsonAsync("/admin/v1/session", new { email, password })).ReadJsonAsync(HttpStatusCode.OK);
        var key = (await (await browser.PostAsync("/admin/v1/session/totp", null)).ReadJsonAsync(HttpStatusCode.OK))["sharedKey"]!.GetValue<string>();
        await (await browser.PostAsJsonAsync("/admin/v1/session/totp/verify", new { code = Totp.Code(key) })).ReadJsonAsync(HttpStatusCode.OK);
        return browser;
    }

    private async Task<(string Email, string Password)> NewPersonAsync(string role)
    {
        var (email, password, _) = await NewPersonWithIdAsync(role);
        return (email, password);
    }

    private async Task<(string Email, string Password, string Id)> NewPersonWithIdAsync(string role)
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);
        var email = $"{role}.{Guid.NewGuid():N}@example.com";
        var created = await (await admin.PostAsJsonAsync("/admin/v1/people", new { email, displayName = "Test " + role, roles = new[] { role } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal([role], created["person"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(created["person"]!["twoFactorEnabled"]!.GetValue<bool>());
        return (email, created["initialPassword"]!.GetValue<string>(), created["person"]!["id"]!.GetValue<string>());
    }
}
