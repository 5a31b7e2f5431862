using System.Text.Json.Nodes;

namespace Integration.Cli;

/// <summary>One HTTP answer of the platform: its status, and its body as JSON when it is JSON.</summary>
public sealed record ApiAnswer(int Status, JsonNode? Json, string Raw)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var raw = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = raw.Length > 0 ? JsonNode.Parse(raw) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new ApiAnswer((int)response.StatusCode, json, raw);
    }
}
