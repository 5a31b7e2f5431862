using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>Each OpenAPI document says where its API is, so Try it out and generated clients know where to send requests.</summary>
public sealed class ApiDocumentServersTests
{
    private sealed class PublicPlatform : PlatformFactory
    {
        public PublicPlatform() => Settings["ApiDocs:PublicBaseUrl"] = "https://partners.example.com";
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task By_default_a_document_names_the_server_that_serves_it(string document)
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();

        var json = await (await platform.CreateClient().GetAsync($"/swagger/{document}/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("/", json["servers"]!.AsArray().Single()!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_configured_public_url_is_the_documents_server()
    {
        await using var platform = new PublicPlatform();
        await platform.InitializeAsync();

        var json = await (await platform.CreateClient().GetAsync("/swagger/v2/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("https://partners.example.com", json["servers"]!.AsArray().Single()!["url"]!.GetValue<string>());
    }
}
