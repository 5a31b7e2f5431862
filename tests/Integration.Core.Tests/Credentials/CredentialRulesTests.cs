using Integration.Core.Common;
using Integration.Core.Credentials;

namespace Integration.Core.Tests.Credentials;

public sealed class CredentialRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SecretHashes_MatchOnlyTheirSecret()
    {
        var secret = ClientSecrets.NewSecret(CredentialKind.Partner, ApiEnvironment.Sandbox);
        var hash = ClientSecrets.Hash(secret);

        Assert.True(ClientSecrets.Matches(secret, hash));
        Assert.False(ClientSecrets.Matches(secret + "x", hash));
        Assert.False(ClientSecrets.Matches(secret, null));
        Assert.False(ClientSecrets.Matches(secret, "plain:" + secret));
        Assert.DoesNotContain(secret, hash);
    }

    [Fact]
    public void NewSecrets_AreLongRandomAndMarked()
    {
        var a = ClientSecrets.NewSecret(CredentialKind.Partner, ApiEnvironment.Live);
        var b = ClientSecrets.NewSecret(CredentialKind.Partner, ApiEnvironment.Live);

        Assert.NotEqual(a, b);
        Assert.StartsWith("sk_live_", a);
        Assert.True(a.Length >= 50);
    }

    [Fact]
    public void PreviousSecret_IsAcceptedOnlyInsideTheOverlap()
    {
        var credential = NewCredential();
        var old = "sk_sbx_old";
        credential.Rotate(ClientSecrets.Hash(old), TimeSpan.FromHours(24), Now);

        Assert.True(credential.AcceptsPreviousSecret(old, Now.AddHours(23)));
        Assert.False(credential.AcceptsPreviousSecret(old, Now.AddHours(24)));
        Assert.False(credential.AcceptsPreviousSecret("sk_sbx_other", Now));
    }

    [Fact]
    public void Revocation_EndsTheOverlapAndIsFinal()
    {
        var credential = NewCredential();
        credential.Rotate(ClientSecrets.Hash("sk_sbx_old"), TimeSpan.FromHours(24), Now);
        credential.Revoke(Now);

        Assert.False(credential.AcceptsPreviousSecret("sk_sbx_old", Now));
        Assert.Equal("credential_revoked", Assert.Throws<DomainException>(() => credential.Revoke(Now)).Code);
    }

    private static Credential NewCredential() => new()
    {
        Id = "cred_1", ClientId = "sbx_1", Name = "test", Scopes = [ApiScopes.OrdersRead], CreatedAt = Now,
    };
}
