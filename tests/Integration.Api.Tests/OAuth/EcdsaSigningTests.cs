using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

public sealed class EcdsaSigningTests(EcdsaSigningTests.EcdsaPlatform platform) : IClassFixture<EcdsaSigningTests.EcdsaPlatform>
{
    public sealed class EcdsaPlatform : PlatformFactory
    {
        public EcdsaPlatform() => Settings["OAuth:SigningCertificatePath"] = TestSigningCertificate.EcdsaPath;
    }

    [Fact]
    public async Task AnEcdsaCertificate_SignsES256Tokens_PublishedInTheJwksAndAcceptedByTheApi()
    {
        var session = await platform.NewPartnerSessionAsync();

        var header = Jwt.Header(session.AccessToken);
        var jwks = await (await platform.CreateClient().GetAsync("/.well-known/jwks")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Contains(jwks["keys"]!.AsArray(), k => k!["kty"]!.GetValue<string>() == "EC" && k["kid"]!.GetValue<string>() == header["kid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/v1/partners/me")).StatusCode);
    }
}
