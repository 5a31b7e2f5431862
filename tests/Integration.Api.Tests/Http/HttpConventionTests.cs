using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

public sealed class HttpConventionTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task UnknownPath_Is404Problem()
    {
        var session = await platform.NewPartnerSessionAsync();

        await (await session.Client.GetAsync("/v1/nothing-here")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task UnknownPartner_Is404Problem()
    {
        var admin = await platform.AdminClientAsync();

        var problem = await (await admin.GetAsync("/admin/v1/partners/ptn_doesnotexist")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");

        Assert.Contains("ptn_doesnotexist", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        var session = await platform.NewPartnerSessionAsync();

        await (await session.Client.DeleteAsync("/v1/partners/me")).ReadProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task NonJsonAccept_Is406Problem()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));

        await (await session.Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.NotAcceptable, "not_acceptable");
    }

    [Fact]
    public async Task NonJsonBody_Is415Problem()
    {
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsync("/admin/v1/partners", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task EveryResponse_CarriesARequestId_AndEchoesAWellFormedOne()
    {
        var client = platform.CreateClient();

        var generated = await client.GetAsync("/health/live");
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "erp-7f3a-0001");
        var echoed = await client.SendAsync(request);
        var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
        var replaced = await client.SendAsync(hostile);

        Assert.StartsWith("req_", generated.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("erp-7f3a-0001", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.StartsWith("req_", replaced.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task ProblemRequestId_IsTheCallersRequestId()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Add("X-Request-Id", "erp-trace-42");

        var problem = await (await platform.CreateClient().SendAsync(request)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("erp-trace-42", problem["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task W3CTraceparent_IsAccepted()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        Assert.Equal(HttpStatusCode.OK, (await session.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task VersionedResponses_ReportSupportedVersions()
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.GetAsync("/v1/partners/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2.0", response.Headers.GetValues("api-supported-versions").Single());
        Assert.Contains("1.0", response.Headers.GetValues("api-deprecated-versions").Single());
    }

    [Fact]
    public async Task UnsupportedVersion_IsAProblem()
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.GetAsync("/v9/partners/me");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_LiveAndReadyAnswerWithTheDatabaseChecked()
    {
        var client = platform.CreateClient();

        var live = await (await client.GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);
        var ready = await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", live["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_HasOneDocumentForPartnersAndOneForAdmin_EachWithTheOAuthScheme()
    {
        var client = platform.CreateClient();

        var partner = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        var admin = await (await (await platform.AdminClientAsync()).GetAsync("/swagger/admin/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var partnerPaths = partner["paths"]!.AsObject().Select(p => p.Key).ToList();
        var adminPaths = admin["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/v1/partners/me", partnerPaths);
        Assert.DoesNotContain(partnerPaths, p => p.StartsWith("/admin"));
        Assert.Contains("/admin/v1/partners", adminPaths);
        Assert.All(adminPaths.Where(p => p != "/connect/token"), p => Assert.StartsWith("/admin/", p)); // every document has the token endpoint
        Assert.Contains("/connect/token", partnerPaths);
        foreach (var document in new[] { partner, admin })
        {
            var flow = document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!;
            Assert.Equal("/connect/token", flow["tokenUrl"]!.GetValue<string>());
        }
        Assert.Equal("GetMyPartner", partner["paths"]!["/v1/partners/me"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("admin", admin["paths"]!["/admin/v1/partners"]!["post"]!["security"]![0]!["oauth2"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task InteractiveDocs_AreServed()
    {
        var response = await platform.CreateClient().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    // Found by the contract fuzz suite (issue 18): answers the platform gives that the documents did not declare.
    [Theory]
    [InlineData("v2", "/v2/locations", "post", "413")] // the body-size limit
    [InlineData("v2", "/v2/locations", "post", "415")] // a charset other than UTF-8, a content type other than JSON
    [InlineData("v2", "/v2/inventory/adjustments", "post", "404")] // a body naming a location that does not exist
    [InlineData("admin", "/admin/v1/partners", "post", "422")] // parent_not_found
    [InlineData("admin", "/admin/v1/partners", "post", "409")] // exclusive_agent_exists
    [InlineData("admin", "/admin/v1/partners/{id}", "patch", "409")] // invalid_transition
    [InlineData("admin", "/admin/v1/products", "post", "409")] // sku_exists
    [InlineData("admin", "/admin/v1/credentials/{id}/rotate", "post", "409")] // credential_revoked
    [InlineData("admin", "/admin/v1/credentials/{id}/revoke", "post", "409")] // credential_revoked
    [InlineData("v1", "/v1/sandbox/clock", "get", "404")] // sandbox-only operations do not exist for live credentials
    [InlineData("v2", "/v2/sandbox/snapshots/{id}", "delete", "204")] // the answer it gives, not 200
    public async Task OpenApi_DeclaresEveryStatusTheOperationAnswers(string document, string path, string method, string status)
    {
        var openApi = await (await (await platform.AdminClientAsync()).GetAsync($"/swagger/{document}/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var responses = openApi["paths"]![path]![method]!["responses"]!.AsObject();

        Assert.True(responses.ContainsKey(status), $"{method} {path} declares {string.Join(", ", responses.Select(r => r.Key))}");
    }

    [Fact]
    public async Task OpenApi_AMemberWithADefault_IsNotRequired()
    {
        var openApi = await (await platform.CreateClient().GetAsync("/swagger/v2/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        var session = await platform.NewPartnerSessionAsync();

        var created = await session.Client.PostAsync("/v2/locations", new StringContent("""{"name":"No sharing said","type":"warehouse","regionCode":"CN-SH"}""", Encoding.UTF8, "application/json"));

        await created.ReadJsonAsync(HttpStatusCode.Created);
        var required = openApi["components"]!["schemas"]!["CreateLocationRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>());
        Assert.DoesNotContain("sharing", required);
    }

    [Fact]
    public async Task OpenApi_ProblemSchema_AdmitsTheErrorsABusinessRefusalCarries()
    {
        var session = await platform.NewPartnerSessionAsync();
        var openApi = await (await platform.CreateClient().GetAsync("/swagger/v2/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/orders")
        {
            Content = new StringContent("""{"reference":"PO-UNKNOWN-SKU","lines":[{"sku":"NO-SUCH-SKU","quantity":1}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await (await session.Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");

        Assert.NotNull(problem["errors"]);
        var schema = openApi["components"]!["schemas"]!["ProblemDetails"]!;
        Assert.NotNull(schema["properties"]!["errors"]);
    }
}
