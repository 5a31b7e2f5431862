using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.OAuth;

public sealed class TokenEndpointTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task ClientCredentials_WithIssuedSecret_ReturnsSignedJwtForTheApiWithTheCredentialsScopes()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId, "sandbox", "orders:read", "inventory:read");

        var response = await platform.RequestTokenAsync(credential.ClientId, credential.Secret);

        var json = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Bearer", json["token_type"]!.GetValue<string>());
        Assert.InRange(json["expires_in"]!.GetValue<int>(), 890, 900); // 15 minutes by default
        var claims = Jwt.Payload(json["access_token"]!.GetValue<string>());
        Assert.Equal("integration-api", claims["aud"] is JsonArray audiences ? audiences[0]!.GetValue<string>() : claims["aud"]!.GetValue<string>());
        Assert.Equal(credential.ClientId, claims["sub"]!.GetValue<string>());
        Assert.Equal(partnerId, claims["partner_id"]!.GetValue<string>());
        Assert.Equal("sandbox", claims["environment"]!.GetValue<string>());
        Assert.Equal("orders:read inventory:read", claims["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_AskingForASubsetOfScopes_GetsOnlyThose()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId, "sandbox", "orders:read", "orders:write");

        var json = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret, "orders:read")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("orders:read", Jwt.Payload(json["access_token"]!.GetValue<string>())["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_WithWrongSecret_Returns401InvalidClientAndIsAudited()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var response = await platform.RequestTokenAsync(credential.ClientId, credential.Secret + "x");

        var json = await response.ReadJsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", json["error"]!.GetValue<string>());
        await platform.FlushRefusedTokenSummariesAsync();
        var refused = await platform.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "token.refused" && e.Target == credential.ClientId).ToListAsync());
        var entry = Assert.Single(refused);
        Assert.Equal("refused", entry.Outcome);
        Assert.DoesNotContain(credential.Secret, entry.Details);
    }

    [Fact]
    public async Task ClientCredentials_WithUnknownClient_Returns401InvalidClient()
    {
        var json = await (await platform.RequestTokenAsync("sbx_doesnotexist", "sk_sbx_nothing")).ReadJsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_WithUnknownScope_Returns400InvalidScope()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var json = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret, "orders:read teleport")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_scope", json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_WithScopeTheCredentialDoesNotHold_Returns400InvalidScope()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId, "sandbox", "orders:read");

        var json = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret, "orders:write")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_scope", json["error"]!.GetValue<string>());
        Assert.Contains("orders:write", json["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task PartnerCredential_AskingForTheAdminScope_Returns400InvalidScope()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var json = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret, "admin")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_scope", json["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    public async Task OtherGrantTypes_Return400UnsupportedGrantType(string grantType)
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var json = await (await platform.RequestTokenAsync(credential.ClientId, credential.Secret, grantType: grantType)).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("unsupported_grant_type", json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discovery_PublishesTokenRevocationIntrospectionJwksAndScopes()
    {
        var client = platform.CreateClient();

        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.EndsWith("/connect/token", discovery["token_endpoint"]!.GetValue<string>());
        Assert.EndsWith("/connect/revoke", discovery["revocation_endpoint"]!.GetValue<string>());
        Assert.EndsWith("/connect/introspect", discovery["introspection_endpoint"]!.GetValue<string>());
        Assert.Contains("client_credentials", discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Contains("orders:write", discovery["scopes_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
        var jwksUri = new Uri(discovery["jwks_uri"]!.GetValue<string>());
        var jwks = await (await client.GetAsync(jwksUri.PathAndQuery)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(jwks["keys"]!.AsArray());
    }

    [Fact]
    public async Task Discovery_advertises_only_what_a_partner_can_use()
    {
        var discovery = await (await platform.CreateClient().GetAsync("/.well-known/openid-configuration")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("openid", discovery["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()));
        foreach (var member in new[] { "prompt_values_supported", "id_token_signing_alg_values_supported", "subject_types_supported", "claims_supported" })
        {
            Assert.False(discovery.AsObject().ContainsKey(member), member);
        }
        foreach (var member in new[] { "token_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported", "revocation_endpoint_auth_methods_supported" })
        {
            Assert.Equal(["client_secret_basic", "client_secret_post"], discovery[member]!.AsArray().Select(m => m!.GetValue<string>()).Order());
        }
    }

    [Fact]
    public async Task Introspection_ByTheClientHoldingTheToken_ReportsItActive()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:read"]);

        var response = await platform.CreateClient().PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = session.Credential.ClientId,
            ["client_secret"] = session.Credential.Secret,
            ["token"] = session.AccessToken,
        }));

        var json = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(json["active"]!.GetValue<bool>(), json.ToJsonString());
        Assert.Equal(session.Credential.ClientId, json["client_id"]?.GetValue<string>());
        Assert.True(json["exp"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), json.ToJsonString());
    }

    [Fact]
    public async Task RevokingAnAccessToken_Rfc7009_StopsIt_AtOnceOnTheInstanceThatRevokedIt()
    {
        var session = await platform.NewPartnerSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/v1/partners/me")).StatusCode);

        var revoke = await platform.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = session.Credential.ClientId,
            ["client_secret"] = session.Credential.Secret,
            ["token"] = session.AccessToken,
            ["token_type_hint"] = "access_token",
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var after = await session.Client.GetAsync("/v1/partners/me");
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
