using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;

namespace Integration.Api.Tests.Http;

/// <summary>
/// Outside Development the admin API's document is for internal users only, and each document's OAuth
/// flow offers only the scopes its callers can hold (issue 18).
/// </summary>
public sealed class ApiDocumentAccessTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private const string AdminDocument = "/swagger/admin/swagger.json";

    [Fact]
    public async Task The_admin_document_needs_an_internal_token()
    {
        var anonymous = await platform.CreateClient().GetAsync(AdminDocument);
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().ToString());

        var partner = await platform.NewPartnerSessionAsync("live");
        await (await partner.Client.GetAsync(AdminDocument)).ReadProblemAsync(HttpStatusCode.Forbidden, "admin_only");

        var forged = platform.ClientWithToken("not.a.token");
        await (await forged.GetAsync(AdminDocument)).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        var admin = await platform.AdminClientAsync();
        var document = await (await admin.GetAsync(AdminDocument)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(document["paths"]!["/admin/v1/partners"]);
    }

    [Fact]
    public async Task The_interactive_docs_do_not_offer_the_admin_document()
    {
        var client = platform.CreateClient();
        var page = await client.GetStringAsync("/docs/index.html");
        var script = await client.GetAsync("/docs/index.js");
        var config = page + (script.IsSuccessStatusCode ? await script.Content.ReadAsStringAsync() : "");

        Assert.Contains("/swagger/v2/swagger.json", config);
        Assert.DoesNotContain(AdminDocument, config);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Partner_documents_offer_only_partner_scopes(string document)
    {
        var json = await (await platform.CreateClient().GetAsync($"/swagger/{document}/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ApiScopes.PartnerScopes.Order(), ScopesOf(json).Order());
    }

    [Fact]
    public async Task The_admin_document_offers_only_the_admin_scope()
    {
        var admin = await platform.AdminClientAsync();
        var json = await (await admin.GetAsync(AdminDocument)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([ApiScopes.Admin], ScopesOf(json));
    }

    private static IEnumerable<string> ScopesOf(JsonNode document) =>
        document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!["scopes"]!.AsObject().Select(s => s.Key).ToList();
}
