using System.Net;
using System.Net.Http.Headers;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Integration.Api.Tests.Http;

public sealed class AccessControlTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/admin/v1/partners" },
        { "POST", "/admin/v1/partners" },
        { "GET", "/admin/v1/partners/ptn_x" },
        { "PATCH", "/admin/v1/partners/ptn_x" },
        { "POST", "/admin/v1/partners/ptn_x/credentials" },
        { "GET", "/admin/v1/partners/ptn_x/credentials" },
        { "POST", "/admin/v1/internal-credentials" },
        { "GET", "/admin/v1/credentials/cred_x" },
        { "POST", "/admin/v1/credentials/cred_x/rotate" },
        { "POST", "/admin/v1/credentials/cred_x/revoke" },
        { "GET", "/admin/v1/audit-entries" },
        { "GET", "/admin/v1/audit-entries/verification" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task PartnerToken_OnAnAdminEndpoint_Is403AdminOnly(string method, string path)
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });

        await response.ReadProblemAsync(HttpStatusCode.Forbidden, "admin_only");
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task NoToken_OnAnAdminEndpoint_Is401WithBearerChallenge(string method, string path)
    {
        var response = await platform.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        // RFC 6750 § 3.1: a request without credentials gets the scheme and no error code.
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task InternalToken_OnAPartnerEndpoint_Is403PartnerOnly()
    {
        var admin = await platform.AdminClientAsync();

        await (await admin.GetAsync("/v1/partners/me")).ReadProblemAsync(HttpStatusCode.Forbidden, "partner_only");
    }

    [Fact]
    public async Task TokenWithoutTheNeededScope_Is403NamingTheScope()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:read"]);

        var response = await session.Client.GetAsync("/v1/test-probes/orders-write");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        Assert.Contains("orders:write", problem["detail"]!.GetValue<string>());
        Assert.Contains("scope=\"orders:write\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokenWithTheNeededScope_Passes()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:write"]);

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/v1/test-probes/orders-write")).StatusCode);
    }

    [Fact]
    public async Task TamperedToken_Is401WithInvalidTokenChallenge()
    {
        var session = await platform.NewPartnerSessionAsync();
        var parts = session.AccessToken.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        var tampered = string.Join('.', parts[0], new string(payload), parts[2]);

        var response = await platform.ClientWithToken(tampered).GetAsync("/v1/partners/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Theory]
    [InlineData("/v1/partners/me")]
    [InlineData("/v2/orders")]
    public async Task NoToken_OnAPartnerEndpoint_Is401WithAPlainBearerChallenge(string path)
    {
        var response = await platform.CreateClient().GetAsync(path);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task GarbageToken_Is401()
    {
        var response = await platform.ClientWithToken("not-a-jwt").GetAsync("/v1/partners/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var session = await isolated.NewPartnerSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/v1/partners/me")).StatusCode);

        isolated.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await session.Client.GetAsync("/v1/partners/me");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokenIssuedForAnotherAudience_Is401()
    {
        await using var otherApi = new OtherAudiencePlatform();
        await otherApi.InitializeAsync();
        var foreign = await otherApi.NewPartnerSessionAsync();

        var response = await platform.ClientWithToken(foreign.AccessToken).GetAsync("/v1/partners/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Production_WithoutASigningCertificate_RefusesToStart()
    {
        await using var production = new ProductionWithoutKeys();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("SigningCertificatePath", error.ToString());
    }

    private sealed class OtherAudiencePlatform : PlatformFactory
    {
        public OtherAudiencePlatform() => Settings["OAuth:Audience"] = "someone-elses-api";
    }

    private sealed class ProductionWithoutKeys : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")}");
        }
    }
}
