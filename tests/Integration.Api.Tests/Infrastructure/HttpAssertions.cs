using System.Net;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with our members, and returns it.</summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["instance"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["code"]?.GetValue<string>()));
        // The type is the platform's page for the code (ProblemPagesTests shows that it is served).
        Assert.True(Uri.TryCreate(problem["type"]!.GetValue<string>(), UriKind.Absolute, out var type), problem["type"]!.GetValue<string>());
        Assert.Equal($"/problems/{problem["code"]!.GetValue<string>()}", type.AbsolutePath);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem["requestId"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", problem["traceId"]!.GetValue<string>()); // W3C trace id
        if (code is not null)
        {
            Assert.Equal(code, problem["code"]!.GetValue<string>());
        }
        return problem;
    }
}
