using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>
/// Identifiers and references refuse invisible and terminal-controlling characters; free text keeps them,
/// exactly as sent.
/// </summary>
public sealed class ControlCharacterTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string, string> ForbiddenInIdentifiers()
    {
        var characters = new[]
        {
            "\u0000", // NUL
            "\u001b", // ESC, which starts ANSI escape sequences
            "\n",     // C0 line break
            "\u007f", // DEL
            "\u0085", // C1 next line
            "\u009b", // C1 control sequence introducer
            "\u202e", // right-to-left override
            "\u2066", // left-to-right isolate
            "\u200f", // right-to-left mark
            "\u061c", // Arabic letter mark
        };
        var fields = new[] { "locationId", "sharedWith", "url", "orderId" };
        var data = new TheoryData<string, string>();
        for (var i = 0; i < characters.Length; i++)
        {
            // Every character on one field, every field with several characters.
            data.Add(fields[i % fields.Length], characters[i]);
            data.Add(fields[(i + 1) % fields.Length], characters[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenInIdentifiers))]
    public async Task An_identifier_with_a_control_character_is_400_naming_the_field(string field, string character)
    {
        var session = await platform.NewPartnerSessionAsync();
        var (path, body) = field switch
        {
            "locationId" => ("/v2/inventory/adjustments", (object)new { locationId = $"loc_{character}1", sku = "SKU-1", delta = 1, reason = "received" }),
            "sharedWith" => ("/v2/locations", new { name = "Pudong", type = "warehouse", regionCode = "CN-SH", sharing = "named", sharedWith = new[] { $"ptn_{character}x" } }),
            "url" => ("/v1/webhooks", new { url = $"https://example.com/{character}hook", eventTypes = new[] { "order.created" } }),
            _ => ("/v2/disputes", new { orderId = $"ord_{character}1", amount = "1.00", reason = "Short delivery" }),
        };

        var response = await session.Client.PostAsJsonAsync(path, body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var error = problem["errors"]!.AsObject().SingleOrDefault(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value;
        Assert.True(error is not null, problem.ToJsonString());
        Assert.Contains("control characters", error[0]!.GetValue<string>());
        Assert.StartsWith(field + " ", error[0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stock_row_with_a_control_character_in_its_location_is_refused_by_name()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/bulk")
        {
            Content = JsonContent.Create(new { rows = new[] { new { locationId = "loc_\u001b1", sku = "SKU-1", onHand = 1 } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await (await session.Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "bulk_rejected");

        Assert.Contains("control characters", problem["errors"]!["rows[0].locationId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Free_text_keeps_bidi_controls_and_escapes_exactly_as_sent()
    {
        var session = await platform.NewPartnerSessionAsync();
        var name = "Lager \u202eHafen\u202c \u2067شارع\u2069";
        var address = "Gate 3\u001b[31m, rear";

        var created = await (await session.Client.PostAsJsonAsync("/v2/locations", new { name, type = "warehouse", regionCode = "CN-SH", address }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var read = await (await session.Client.GetAsync($"/v2/locations/{created["id"]}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(name, read["name"]!.GetValue<string>());
        Assert.Equal(address, read["address"]!.GetValue<string>());
    }
}

public sealed class ControlCharactersInLogsTests(LoggedPlatform platform) : IClassFixture<LoggedPlatform>
{
    [Fact]
    public async Task A_path_with_an_escape_sequence_reaches_the_request_log_escaped()
    {
        var session = await platform.NewPartnerSessionAsync();

        await session.Client.GetAsync("/v2/locations/loc_%1B%5B2J%E2%80%AEx");

        var line = Assert.Single(platform.Logs.All.Select(l => l.Message), m => m.Contains("/v2/locations/loc_", StringComparison.Ordinal));
        Assert.Contains("/v2/locations/loc_%1B%5B2J%E2%80%AEx", line);
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u202e', line);
    }
}
