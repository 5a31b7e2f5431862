using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Integration.Api.Tests.Credentials;

public sealed class CredentialLifecycleTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task IssuedSecret_IsShownOnceAndStoredOnlyAsAHash()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        var admin = await platform.AdminClientAsync();

        var read = await (await admin.GetAsync($"/admin/v1/credentials/{credential.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        var list = await (await admin.GetAsync($"/admin/v1/partners/{partnerId}/credentials")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(credential.Secret, read.ToJsonString());
        Assert.DoesNotContain(credential.Secret, list.ToJsonString());
        Assert.Null(read["clientSecret"]);
        var stored = await platform.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == credential.ClientId).Select(a => a.ClientSecret).SingleAsync());
        Assert.StartsWith("sha256:", stored);
        Assert.DoesNotContain(credential.Secret, stored!);
        var audit = await platform.WithDbAsync(db => db.AuditEntries.Select(e => e.Details).ToListAsync());
        Assert.DoesNotContain(audit, details => details != null && details.Contains(credential.Secret));
    }

    [Fact]
    public async Task ClientIds_ShowTheirEnvironment()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));

        var sandbox = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var live = await platform.IssueCredentialAsync(partnerId, "live");

        Assert.StartsWith("sbx_", sandbox.ClientId);
        Assert.StartsWith("sk_sbx_", sandbox.Secret);
        Assert.StartsWith("live_", live.ClientId);
        Assert.StartsWith("sk_live_", live.Secret);
    }

    [Fact]
    public async Task LiveCredential_ForAnUnqualifiedPartner_Is422AndWritesNothing()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: false));
        var admin = await platform.AdminClientAsync();
        var before = await CountsAsync();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "Going live." });

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "onboarding_incomplete");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task LiveCredential_ForAFrozenPartner_Is422()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var admin = await platform.AdminClientAsync();
        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { status = "frozen" })).EnsureSuccessStatusCode();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "Going live." });

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "onboarding_incomplete");
    }

    [Fact]
    public async Task SandboxCredential_NeedsNoQualification()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: false));

        var credential = await platform.IssueCredentialAsync(partnerId, "sandbox");

        Assert.NotEmpty(await platform.TokenAsync(credential.ClientId, credential.Secret));
    }

    [Theory]
    [InlineData("""{"environment":"sandbox","scopes":["orders:read","admin"]}""", "scopes")]
    [InlineData("""{"environment":"sandbox","scopes":["teleport"]}""", "scopes")]
    [InlineData("""{"environment":"sandbox","scopes":[]}""", "Scopes")]
    [InlineData("""{"environment":"staging","scopes":["orders:read"]}""", "environment")]
    [InlineData("""{"environment":"sandbox","scopes":["orders:read"],"secret":"mine"}""", "secret")]
    [InlineData("""{"scopes":["orders:read"]}""", "body")]
    public async Task IssuingWithBadInput_Is400NamingTheFieldAndWritesNothing(string body, string field)
    {
        var partnerId = await platform.CreatePartnerAsync();
        var admin = await platform.AdminClientAsync();
        var before = await CountsAsync();

        var response = await admin.PostAsync($"/admin/v1/partners/{partnerId}/credentials", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Rotation_OldSecretWorksDuringTheOverlapThenFails()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        var admin = await platform.AdminClientAsync();

        var rotated = await (await admin.PostAsJsonAsync($"/admin/v1/credentials/{credential.Id}/rotate", new { })).ReadJsonAsync(HttpStatusCode.OK);
        var newSecret = rotated["clientSecret"]!.GetValue<string>();
        Assert.NotEqual(credential.Secret, newSecret);

        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(credential.ClientId, credential.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(credential.ClientId, newSecret)).StatusCode);

        platform.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var old = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret)).ReadJsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", old["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(credential.ClientId, newSecret)).StatusCode);
    }

    [Fact]
    public async Task Rotation_WithZeroOverlap_RetiresTheOldSecretAtOnce()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        var admin = await platform.AdminClientAsync();

        await (await admin.PostAsJsonAsync($"/admin/v1/credentials/{credential.Id}/rotate", new { overlapMinutes = 0 })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(credential.ClientId, credential.Secret)).StatusCode);
    }

    [Fact]
    public async Task Revocation_RefusesTokenRequestsAndExistingTokensAtOnce()
    {
        var session = await platform.NewPartnerSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/v1/partners/me")).StatusCode);
        var admin = await platform.AdminClientAsync();

        var revoked = await (await admin.PostAsync($"/admin/v1/credentials/{session.Credential.Id}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        var token = await (await platform.RequestTokenAsync(session.Credential.ClientId, session.Credential.Secret)).ReadJsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", token["error"]!.GetValue<string>());
        var call = await session.Client.GetAsync("/v1/partners/me");
        await call.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Contains("invalid_token", call.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Revocation_OnAnotherInstance_StopsExistingTokensWithin60Seconds()
    {
        await using var otherInstance = new PlatformFactory(platform.Database);
        await ((IAsyncLifetime)otherInstance).InitializeAsync();
        var session = await platform.NewPartnerSessionAsync();
        var onOther = otherInstance.ClientWithToken(session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onOther.GetAsync("/v1/partners/me")).StatusCode);

        var admin = await platform.AdminClientAsync();
        (await admin.PostAsync($"/admin/v1/credentials/{session.Credential.Id}/revoke", null)).EnsureSuccessStatusCode();
        otherInstance.Clock.Advance(TimeSpan.FromSeconds(31));

        await (await onOther.GetAsync("/v1/partners/me")).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task RevokingTwice_Is409()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        var admin = await platform.AdminClientAsync();
        (await admin.PostAsync($"/admin/v1/credentials/{credential.Id}/revoke", null)).EnsureSuccessStatusCode();

        await (await admin.PostAsync($"/admin/v1/credentials/{credential.Id}/revoke", null)).ReadProblemAsync(HttpStatusCode.Conflict, "credential_revoked");
        await (await admin.PostAsJsonAsync($"/admin/v1/credentials/{credential.Id}/rotate", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "credential_revoked");
    }

    [Fact]
    public async Task CredentialEvents_AreAuditedWithActorAndTarget()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        var admin = await platform.AdminClientAsync();
        (await admin.PostAsJsonAsync($"/admin/v1/credentials/{credential.Id}/rotate", new { })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/admin/v1/credentials/{credential.Id}/revoke", null)).EnsureSuccessStatusCode();

        var entries = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == credential.Id).OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(["credential.issued", "credential.rotated", "credential.revoked"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(platform.AdminClientId, e.Actor));
        Assert.All(entries, e => Assert.Equal("succeeded", e.Outcome));
    }

    [Fact]
    public async Task UnknownCredential_Is404()
    {
        var admin = await platform.AdminClientAsync();
        await (await admin.GetAsync("/admin/v1/credentials/cred_nope")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await admin.PostAsync("/admin/v1/credentials/cred_nope/revoke", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/admin/v1/partners/ptn_nope/credentials", new { environment = "sandbox", scopes = new[] { "orders:read" } }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InternalCredential_IssuedThroughTheAdminApi_ReachesTheAdminApi()
    {
        var admin = await platform.AdminClientAsync();
        var issued = await (await admin.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "Finance tooling", roles = new[] { "finance" } })).ReadJsonAsync(HttpStatusCode.Created);
        var clientId = issued["credential"]!["clientId"]!.GetValue<string>();
        Assert.StartsWith("adm_", clientId);

        var token = await platform.TokenAsync(clientId, issued["clientSecret"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await platform.ClientWithToken(token).GetAsync("/admin/v1/partners")).StatusCode);
    }

    private Task<(int Credentials, int Applications, int Audit)> CountsAsync() =>
        platform.WithDbAsync(async db => (
            await db.Credentials.CountAsync(),
            await db.Set<OpenIddictEntityFrameworkCoreApplication>().CountAsync(),
            await db.AuditEntries.CountAsync()));
}
