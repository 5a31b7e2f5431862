using System.Net.Http.Headers;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 2's targets: token issuance ≥ 500/s, and authenticated GET /v1/partners/me at ≥ 50% of the
/// rate of an anonymous endpoint on the same host in the same run.
/// </summary>
public static class FoundationBenchmarks
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        var client = host.CreateClient();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
        var token = await host.TokenAsync(client, clientId, secret);
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };

        var scenarios = new List<Scenario>
        {
            new("anonymous GET /health/live", async _ =>
            {
                using var response = await client.GetAsync("/health/live");
                return response.IsSuccessStatusCode;
            }),
            new("authenticated GET /v1/partners/me", async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                return response.IsSuccessStatusCode;
            }),
            new("POST /connect/token (client credentials)", async _ =>
            {
                using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
                return response.IsSuccessStatusCode;
            }),
        };
        var selected = scenarios.Where(s => settings.Only is null || s.Name.Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = await LoadRunner.RunInterleavedAsync(selected, settings.Concurrency, settings.WarmUp, settings.Duration);
        var anonymous = results.FirstOrDefault(r => r.Name.StartsWith("anonymous", StringComparison.Ordinal));
        var authenticated = results.FirstOrDefault(r => r.Name.StartsWith("authenticated", StringComparison.Ordinal));
        if (anonymous is not null && authenticated is not null)
        {
            Console.WriteLine($"authenticated / anonymous = {authenticated.PerSecond / anonymous.PerSecond:P0} (target ≥ 50%)");
        }
        return results;
    }
}
