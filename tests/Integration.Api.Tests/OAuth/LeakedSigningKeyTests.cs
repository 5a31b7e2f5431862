using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Integration.Api.Tests.OAuth;

/// <summary>
/// Defence in depth if a signing key leaks (issue 18): a validly signed token whose partner or
/// environment differs from its credential's is refused, so a forger cannot move a credential into
/// another partner's tenant.
/// </summary>
public sealed class LeakedSigningKeyTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_resigned_token_with_its_own_claims_is_accepted_which_shows_the_forgery_works()
    {
        var session = await platform.NewPartnerSessionAsync("live");

        var forged = Resign(session.AccessToken, _ => { });

        Assert.Equal(HttpStatusCode.OK, (await platform.ClientWithToken(forged).GetAsync("/v1/partners/me")).StatusCode);
    }

    [Theory]
    [InlineData("partner_id")]
    [InlineData("environment")]
    public async Task A_token_naming_another_tenant_than_its_credential_is_refused(string claim)
    {
        var victim = await platform.NewPartnerSessionAsync("sandbox");
        var forger = await platform.NewPartnerSessionAsync("live");
        var victimClaims = Jwt.Payload(victim.AccessToken);

        var forged = Resign(forger.AccessToken, payload => payload[claim] = victimClaims[claim]!.DeepClone());

        var answer = await platform.ClientWithToken(forged).GetAsync("/v1/partners/me");
        await answer.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private static string Resign(string accessToken, Action<JsonObject> change)
    {
        var header = Jwt.Header(accessToken);
        var payload = Jwt.Payload(accessToken).AsObject();
        change(payload);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestSigningCertificate.Path, null);
        var key = new X509SecurityKey(certificate) { KeyId = header["kid"]!.GetValue<string>() };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { ["typ"] = header["typ"]!.GetValue<string>() });
    }
}
