using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

/// <summary>
/// After repeated wrong secrets a client id is slowed down before its secret is checked again
/// (issue 18): five wrong secrets per client id and address in 15 minutes, then one try every 3 minutes.
/// </summary>
public sealed class WrongSecretBackoffTests(WrongSecretBackoffTests.ShippedAllowance platform) : IClassFixture<WrongSecretBackoffTests.ShippedAllowance>
{
    public sealed class ShippedAllowance : PlatformFactory
    {
        public ShippedAllowance()
        {
            foreach (var allowance in new[] { "WrongSecrets", "WrongSecretsPerClient" })
            {
                Settings.Remove($"RateLimits:{allowance}:Attempts");
                Settings.Remove($"RateLimits:{allowance}:Per");
            }
        }
    }

    [Fact]
    public async Task Five_wrong_secrets_slow_the_client_down_even_with_the_right_one_until_the_allowance_refills()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var guessed = await platform.IssueCredentialAsync(partnerId);
        var neighbour = await platform.IssueCredentialAsync(partnerId);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(guessed.ClientId, "sk_wrong_" + i)).StatusCode);
        }
        var slowed = await platform.RequestTokenAsync(guessed.ClientId, guessed.Secret);

        var problem = await slowed.ReadProblemAsync(HttpStatusCode.TooManyRequests, "too_many_failed_attempts");
        Assert.Equal("too_many_failed_attempts", problem["error"]!.GetValue<string>()); // what OAuth clients read
        Assert.Equal("180", slowed.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(neighbour.ClientId, neighbour.Secret)).StatusCode);

        platform.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(guessed.ClientId, guessed.Secret)).StatusCode);
    }

    [Fact]
    public async Task Right_secrets_never_use_up_the_allowance()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(credential.ClientId, credential.Secret)).StatusCode);
        }
    }
}
