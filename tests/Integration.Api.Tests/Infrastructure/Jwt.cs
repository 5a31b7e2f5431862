using System.Text;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>Reads the parts of a signed JWT, as a partner's gateway would before checking it.</summary>
public static class Jwt
{
    public static JsonNode Header(string jwt) => Part(jwt, 0);

    public static JsonNode Payload(string jwt) => Part(jwt, 1);

    private static JsonNode Part(string jwt, int index)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length); // signed, not encrypted
        var base64 = parts[index].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!;
    }
}
