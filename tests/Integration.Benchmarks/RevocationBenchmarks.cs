using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 17: how long a token revoked on instance A keeps working on instance B. Two hosts on one
/// PostgreSQL database and one Redis; B has answered the token before (it remembers it as active), A
/// revokes it (RFC 7009), and B is asked again every millisecond until it refuses. Without Redis the
/// answer is bounded by OAuth:RevocationCheckInterval (30 s) instead.
/// </summary>
public static class RevocationBenchmarks
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(35);

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkSettings settings, int revocations)
    {
        if (settings.Provider != "PostgreSQL" || settings.Redis is null)
        {
            throw new ArgumentException("The revocation suite needs --provider PostgreSQL --postgres … --redis <host:port>: two instances share both.");
        }
        var shared = new Dictionary<string, string>
        {
            ["Redis:Configuration"] = settings.Redis,
            ["Redis:KeyPrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8] + ":",
        };
        await using var a = new BenchmarkHost(settings.Provider, settings.PostgresConnection, shared);
        await a.StartAsync();
        await using var b = new BenchmarkHost(settings.Provider, settings.PostgresConnection,
            new Dictionary<string, string>(shared) { ["OAuth:SigningCertificatePath"] = a.SigningCertificatePath }); // every instance signs with one certificate
        await b.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // Redis connects in the background
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var admin = a.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await a.TokenAsync(admin, a.AdminClientId, a.AdminSecret));

        var delays = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < revocations; i++)
        {
            var (clientId, secret) = await a.NewPartnerCredentialAsync(admin);
            var token = await a.TokenAsync(onA, clientId, secret);
            if (await StatusOnAsync(onB, token) != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("B did not accept a fresh token.");
            }
            (await onA.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = token, ["client_id"] = clientId, ["client_secret"] = secret,
            }))).EnsureSuccessStatusCode();
            var propagation = Stopwatch.StartNew();
            while (await StatusOnAsync(onB, token) != HttpStatusCode.Unauthorized && propagation.Elapsed < GiveUp)
            {
                await Task.Delay(1);
            }
            delays.Add(propagation.Elapsed.TotalMilliseconds);
        }
        var sorted = delays.Order().ToArray();
        Console.WriteLine($"revoked on A, refused by B: n={revocations}, p50 {LoadRunner.Percentile(sorted, 0.50):0.0} ms, "
            + $"p99 {LoadRunner.Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms");
        return [new LoadResult($"token revoked on A until B refuses it (n={revocations})", revocations, sorted.Count(d => d >= GiveUp.TotalMilliseconds),
            total.Elapsed, LoadRunner.Percentile(sorted, 0.50), LoadRunner.Percentile(sorted, 0.95), LoadRunner.Percentile(sorted, 0.99))];
    }

    private static async Task<HttpStatusCode> StatusOnAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
