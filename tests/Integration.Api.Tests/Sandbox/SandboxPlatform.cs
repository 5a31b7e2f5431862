using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

/// <summary>A platform that seeds a partner's sandbox when its first sandbox credential is issued, its clock at a chosen moment.</summary>
public sealed class SandboxPlatform : PlatformFactory
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private SandboxPlatform(DateTimeOffset start, IReadOnlyDictionary<string, string>? settings) : base(null, start)
    {
        Settings["Sandbox:SeedOnFirstCredential"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }
    }

    /// <summary>A qualified partner with a sandbox credential (its sandbox seeded) and a live one, and a client for each.</summary>
    public async Task<(HttpClient Sandbox, HttpClient Live)> PartnerInBothEnvironmentsAsync()
    {
        var partnerId = await CreatePartnerAsync(PartnerBody(qualified: true));
        var sandbox = await IssueCredentialAsync(partnerId, "sandbox");
        var live = await IssueCredentialAsync(partnerId, "live");
        return (ClientWithToken(await TokenAsync(sandbox.ClientId, sandbox.Secret)), ClientWithToken(await TokenAsync(live.ClientId, live.Secret)));
    }

    public static async Task<SandboxPlatform> StartAsync(DateTimeOffset? start = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var platform = new SandboxPlatform(start ?? DefaultStart, settings);
        await platform.InitializeAsync();
        return platform;
    }
}

public static class SandboxSteps
{
    public static async Task<JsonNode> AdvanceAsync(this HttpClient client, string by)
    {
        var response = await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path) =>
        await (await client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> SetModeAsync(this HttpClient client, string simulator, string mode) =>
        await (await client.PostAsJsonAsync($"/v2/sandbox/simulators/{simulator}/mode", new { mode })).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> RequestTransferAsync(this HttpClient client, string fromLocationId, string toLocationId, string sku, int quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/transfers") { Content = JsonContent.Create(new { fromLocationId, toLocationId, sku, quantity }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonArray> OrdersAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/v2/orders?limit=100"))["data"]!.AsArray();
}
