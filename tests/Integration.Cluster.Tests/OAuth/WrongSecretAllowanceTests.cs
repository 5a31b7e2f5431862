using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;

namespace Integration.Cluster.Tests.OAuth;

/// <summary>The allowance of wrong secrets is one per client id across instances: guessing on A slows the client on B.</summary>
public sealed class WrongSecretAllowanceTests
{
    [ClusterFact]
    public async Task Wrong_secrets_sent_to_one_instance_slow_the_client_down_on_the_other()
    {
        await using var cluster = await TwoInstances.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:WrongSecretsPerClient:Attempts"] = "4",
            ["RateLimits:WrongSecretsPerClient:Per"] = "00:10:00",
            ["RateLimits:RedisTimeout"] = "00:00:02",
        });
        var partnerId = await cluster.A.CreatePartnerAsync();
        var credential = await cluster.A.IssueCredentialAsync(partnerId);

        for (var i = 0; i < 4; i++)
        {
            var node = i % 2 == 0 ? cluster.A : cluster.B;
            Assert.Equal(HttpStatusCode.Unauthorized, (await node.RequestTokenAsync(credential.ClientId, "sk_wrong_" + i)).StatusCode);
        }

        foreach (var node in new[] { cluster.A, cluster.B })
        {
            var slowed = await node.RequestTokenAsync(credential.ClientId, credential.Secret);
            await slowed.ReadProblemAsync(HttpStatusCode.TooManyRequests, "too_many_failed_attempts");
            Assert.InRange(int.Parse(slowed.Headers.GetValues("Retry-After").Single()), 100, 150); // one try per 150 s
        }
    }
}
