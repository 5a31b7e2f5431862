using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

/// <summary>
/// A rolling rotation: instances move one by one from the old certificate (ECDSA here) to the new one (RSA),
/// keeping the old as a previous certificate. Tokens from either must work on both, and the JWKS must let a
/// partner's gateway verify both.
/// </summary>
public sealed class SigningKeyRotationTests
{
    [Fact]
    public async Task Tokens_signed_by_the_previous_certificate_keep_validating_and_its_key_stays_published()
    {
        using var database = new TestDatabase();
        await using var notYetMoved = new SigningWith(database, TestSigningCertificate.EcdsaPath);
        await notYetMoved.InitializeAsync();
        await using var moved = new SigningWith(database, TestSigningCertificate.Path, previous: TestSigningCertificate.EcdsaPath);
        await moved.InitializeAsync();
        var session = await notYetMoved.NewPartnerSessionAsync();
        var newToken = await moved.TokenAsync(session.Credential.ClientId, session.Credential.Secret);

        Assert.Equal(HttpStatusCode.OK, (await moved.ClientWithToken(session.AccessToken).GetAsync("/v2/partners/me")).StatusCode);
        Assert.Equal("RS256", Jwt.Header(newToken)["alg"]!.GetValue<string>()); // only the current certificate signs
        var published = (await (await moved.CreateClient().GetAsync("/.well-known/jwks")).ReadJsonAsync(HttpStatusCode.OK))["keys"]!.AsArray()
            .Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Contains(Jwt.Header(session.AccessToken)["kid"]!.GetValue<string>(), published);
        Assert.Contains(Jwt.Header(newToken)["kid"]!.GetValue<string>(), published);
    }

    [Fact]
    public async Task Without_the_previous_certificate_its_tokens_are_refused()
    {
        using var database = new TestDatabase();
        await using var old = new SigningWith(database, TestSigningCertificate.EcdsaPath);
        await old.InitializeAsync();
        await using var replaced = new SigningWith(database, TestSigningCertificate.Path);
        await replaced.InitializeAsync();
        var session = await old.NewPartnerSessionAsync();

        var response = await replaced.ClientWithToken(session.AccessToken).GetAsync("/v2/partners/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private sealed class SigningWith : PlatformFactory
    {
        public SigningWith(TestDatabase database, string certificate, string? previous = null) : base(database)
        {
            Settings["OAuth:SigningCertificatePath"] = certificate;
            if (previous is not null)
            {
                Settings["OAuth:PreviousSigningCertificates:0:Path"] = previous;
            }
        }
    }
}
