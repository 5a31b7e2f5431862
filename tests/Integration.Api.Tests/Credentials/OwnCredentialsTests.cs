using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Credentials;

/// <summary>Partners manage their own credentials at /v2/credentials with a credential holding <c>credentials:manage</c>.</summary>
public sealed class OwnCredentialsTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_restricted_credential_holds_only_what_it_was_given_and_its_secret_is_shown_once()
    {
        var session = await platform.NewPartnerSessionAsync();

        var created = await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "events:read" }, name = "Event reader" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var id = created["credential"]!["id"]!.GetValue<string>();
        var clientId = created["credential"]!["clientId"]!.GetValue<string>();
        var secret = created["clientSecret"]!.GetValue<string>();
        Assert.StartsWith("sbx_", clientId);
        Assert.Equal(["events:read"], created["credential"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var restricted = platform.ClientWithToken(await platform.TokenAsync(clientId, secret));
        await (await restricted.GetAsync("/v2/events")).ReadJsonAsync(HttpStatusCode.OK);
        await (await restricted.GetAsync("/v2/orders")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await restricted.GetAsync("/v2/credentials")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        // A token cannot ask for more than the credential holds either.
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.RequestTokenAsync(clientId, secret, "orders:read")).StatusCode);

        var read = await (await session.Client.GetAsync($"/v2/credentials/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        var list = await (await session.Client.GetAsync("/v2/credentials")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(secret, read.ToJsonString() + list.ToJsonString());
        Assert.Null(read["clientSecret"]);
        Assert.False(string.IsNullOrEmpty(read["lastUsedAt"]?.GetValue<string>()), "the restricted credential called /v2/events: " + read);
    }

    [Fact]
    public async Task Asking_for_a_scope_the_caller_does_not_hold_is_422_and_issues_nothing()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["credentials:manage", "orders:read"]);

        var refused = await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read", "orders:write" } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scopes_not_held");

        Assert.Contains("orders:write", refused["errors"]!["scopes"]![0]!.GetValue<string>());
        var list = await (await session.Client.GetAsync("/v2/credentials")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(list["data"]!.AsArray());
        await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "admin" } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scopes_not_held");
    }

    [Fact]
    public async Task A_credential_without_credentials_manage_cannot_list_or_create()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:read"]);

        await (await session.Client.GetAsync("/v2/credentials")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read" } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task A_partner_never_sees_or_touches_another_partners_credentials()
    {
        var a = await platform.NewPartnerSessionAsync();
        var b = await platform.NewPartnerSessionAsync();

        var listed = (await (await a.Client.GetAsync("/v2/credentials")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        Assert.Equal([a.Credential.Id], listed.Select(c => c!["id"]!.GetValue<string>()));
        await (await a.Client.GetAsync($"/v2/credentials/{b.Credential.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await a.Client.PostAsJsonAsync($"/v2/credentials/{b.Credential.Id}/rotate", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await a.Client.PostAsync($"/v2/credentials/{b.Credential.Id}/revoke", null)).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await b.Client.GetAsync("/v2/partners/me")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sandbox_and_live_credentials_are_listed_each_in_their_own_environment()
    {
        var live = await platform.NewPartnerSessionAsync("live");
        var sandbox = await platform.IssueCredentialAsync(live.PartnerId, "sandbox");

        var listed = (await (await live.Client.GetAsync("/v2/credentials")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        Assert.Equal([live.Credential.Id], listed.Select(c => c!["id"]!.GetValue<string>()));
        await (await live.Client.GetAsync($"/v2/credentials/{sandbox.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rotation_keeps_the_old_secret_working_for_the_overlap_then_only_the_new_one()
    {
        var session = await platform.NewPartnerSessionAsync();
        var other = await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read" } })).ReadJsonAsync(HttpStatusCode.Created);
        var (id, clientId, oldSecret) = (other["credential"]!["id"]!.GetValue<string>(), other["credential"]!["clientId"]!.GetValue<string>(), other["clientSecret"]!.GetValue<string>());

        var rotated = await (await session.Client.PostAsJsonAsync($"/v2/credentials/{id}/rotate", new { overlapMinutes = 60 })).ReadJsonAsync(HttpStatusCode.OK);

        var newSecret = rotated["clientSecret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotNull(rotated["credential"]!["previousSecretExpiresAt"]);
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(clientId, oldSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(clientId, newSecret)).StatusCode);
        platform.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(clientId, oldSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(clientId, newSecret)).StatusCode);
    }

    [Fact]
    public async Task Revoking_the_calling_credential_needs_self_true_and_then_its_calls_stop()
    {
        var session = await platform.NewPartnerSessionAsync();
        var other = await (await session.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read" } })).ReadJsonAsync(HttpStatusCode.Created);
        var otherId = other["credential"]!["id"]!.GetValue<string>();

        var revoked = await (await session.Client.PostAsync($"/v2/credentials/{otherId}/revoke", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        await (await session.Client.PostAsync($"/v2/credentials/{session.Credential.Id}/revoke", null)).ReadProblemAsync(HttpStatusCode.Conflict, "revoking_own_credential");
        await (await session.Client.GetAsync("/v2/partners/me")).ReadJsonAsync(HttpStatusCode.OK);

        await (await session.Client.PostAsync($"/v2/credentials/{session.Credential.Id}/revoke?self=true", null)).ReadJsonAsync(HttpStatusCode.OK);

        await (await session.Client.GetAsync("/v2/partners/me")).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(session.Credential.ClientId, session.Credential.Secret)).StatusCode);
    }

    [Fact]
    public async Task A_live_caller_creates_live_credentials_while_its_partner_is_active_and_not_after()
    {
        var live = await platform.NewPartnerSessionAsync("live");

        var created = await (await live.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read" }, name = "Live reader" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("live_", created["credential"]!["clientId"]!.GetValue<string>());
        Assert.Equal("live", created["credential"]!["environment"]!.GetValue<string>());

        var admin = await platform.AdminClientAsync();
        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{live.PartnerId}", new { status = "frozen" })).EnsureSuccessStatusCode();

        var refused = await (await live.Client.PostAsJsonAsync("/v2/credentials", new { scopes = new[] { "orders:read" } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "onboarding_incomplete");
        Assert.Contains("live-credential request", refused["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var session = await platform.NewPartnerSessionAsync();

        foreach (var body in new object[] { new { scopes = Array.Empty<string>() }, new { scopes = new[] { "orders:read" }, name = new string('n', 201) }, new { name = "x" } })
        {
            await (await session.Client.PostAsJsonAsync("/v2/credentials", body)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        await (await session.Client.PostAsJsonAsync($"/v2/credentials/{session.Credential.Id}/rotate", new { overlapMinutes = -1 }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
