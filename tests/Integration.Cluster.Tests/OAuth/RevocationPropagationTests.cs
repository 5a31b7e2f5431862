using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Integration.Cluster.Tests.OAuth;

/// <summary>
/// Each instance remembers "this credential is active" and partner profiles. The caches here are made
/// to live an hour, so only the invalidation sent through Redis can explain B seeing a change made on A.
/// </summary>
public sealed class RevocationPropagationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);
    private static readonly Dictionary<string, string?> LongCaches = new()
    {
        ["OAuth:RevocationCheckInterval"] = "01:00:00",
        ["Partners:Snapshots:MaxAge"] = "01:00:00",
    };

    [ClusterFact]
    public async Task A_credential_revoked_on_A_is_refused_by_B_within_two_seconds()
    {
        await using var cluster = await TwoInstances.StartAsync(LongCaches);
        var partner = await cluster.A.NewPartnerSessionAsync();
        var onB = cluster.B.ClientWithToken(partner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/v2/partners/me")).StatusCode); // B now remembers "active"

        var admin = await cluster.A.AdminClientAsync();
        (await admin.PostAsync($"/admin/v1/credentials/{partner.Credential.Id}/revoke", null)).EnsureSuccessStatusCode();

        await RefusedWithinPromiseAsync(onB, "revoked credential on B");
    }

    [ClusterFact]
    public async Task A_token_revoked_through_connect_revoke_on_A_is_refused_by_both_within_two_seconds()
    {
        await using var cluster = await TwoInstances.StartAsync(LongCaches);
        var partner = await cluster.A.NewPartnerSessionAsync();
        var onA = cluster.A.ClientWithToken(partner.AccessToken);
        var onB = cluster.B.ClientWithToken(partner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/v2/partners/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/v2/partners/me")).StatusCode);

        var revoke = await cluster.A.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = partner.AccessToken,
            ["client_id"] = partner.Credential.ClientId,
            ["client_secret"] = partner.Credential.Secret,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        await RefusedWithinPromiseAsync(onA, "revoked token on A");
        await RefusedWithinPromiseAsync(onB, "revoked token on B");
        var fresh = await cluster.B.TokenAsync(partner.Credential.ClientId, partner.Credential.Secret);
        Assert.Equal(HttpStatusCode.OK, (await cluster.B.ClientWithToken(fresh).GetAsync("/v2/partners/me")).StatusCode); // the credential itself still works
    }

    [ClusterFact]
    public async Task A_tier_change_or_a_freeze_on_A_is_seen_by_B_within_two_seconds_rate_limit_included()
    {
        await using var cluster = await TwoInstances.StartAsync(LongCaches);
        var partner = await cluster.A.NewPartnerSessionAsync(); // advanced tier, sandbox credential
        var onB = cluster.B.ClientWithToken(partner.AccessToken);
        var before = await onB.GetAsync("/v2/partners/me");
        Assert.Contains("sandbox-advanced", before.Headers.GetValues("RateLimit-Policy").Single());

        var admin = await cluster.A.AdminClientAsync();
        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{partner.PartnerId}", new { tier = "strategic", status = "frozen" })).EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () =>
        {
            var response = await onB.GetAsync("/v2/partners/me");
            var me = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
            return me!["tier"]!.GetValue<string>() == "strategic" && me["status"]!.GetValue<string>() == "frozen"
                && response.Headers.GetValues("RateLimit-Policy").Single().Contains("sandbox-strategic");
        }, Promise, "tier and status on B");
        output.WriteLine($"partner change seen on B after {watch.ElapsedMilliseconds} ms");
    }

    private async Task RefusedWithinPromiseAsync(HttpClient client, string what)
    {
        var watch = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/v2/partners/me")).StatusCode == HttpStatusCode.Unauthorized, Promise, what);
        output.WriteLine($"{what}: refused after {watch.ElapsedMilliseconds} ms");
    }
}
