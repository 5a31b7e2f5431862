using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Outlets;

public static class OutletSteps
{
    /// <summary>Today on the platform's (live) clock, as an ISO date, moved by <paramref name="days"/>.</summary>
    public static string Day(this PlatformFactory platform, int days = 0) =>
        DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<JsonNode> CreateOutletAsync(this PartnerSession session, string openedOn, string region = "CN-SH-JA", string? closedOn = null,
        string version = "v2")
    {
        var response = await session.Client.PostAsJsonAsync($"/{version}/outlets",
            new { name = "Jing'an store", regionCode = region, type = "store", areaSquareMetres = 120.5m, openedOn, closedOn });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<string> CreateOutletIdAsync(this PartnerSession session, string openedOn, string region = "CN-SH-JA") =>
        (await session.CreateOutletAsync(openedOn, region))["id"]!.GetValue<string>();

    public static Task<HttpResponseMessage> PatchWithTagAsync(this HttpClient client, string path, string? ifMatch, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ReportDayAsync(this HttpClient client, string outletId, string day, int footfall, int conversions, string version = "v2") =>
        client.PutAsJsonAsync($"/{version}/outlets/{outletId}/activity-reports/{day}", new { footfall, conversions });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
