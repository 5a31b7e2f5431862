using Integration.Api.Tests.Infrastructure;
using Integration.Cli;
using Integration.Core.Credentials;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin partners</c>: filters, paging over the API's cursors, both output formats, and the server's role checks.</summary>
public sealed class PartnerCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    /// <summary>Three partners alone in a region no other test uses, so the list filtered by it is exactly theirs.</summary>
    private async Task<(string Region, IReadOnlyList<string> Ids)> ThreePartnersAsync(params string[] names)
    {
        var region = UnusedRegion();
        var ids = new List<string>();
        foreach (var name in names)
        {
            ids.Add(await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(name: name, region: region)));
        }
        // The list is oldest first; partners created at the same instant of the test clock come in id order.
        return (region, [.. ids.Order(StringComparer.Ordinal)]);
    }

    private static string UnusedRegion() =>
        $"CN-{(char)('A' + Random.Shared.Next(26))}{Random.Shared.Next(10, 99)}-{(char)('A' + Random.Shared.Next(26))}{Random.Shared.Next(10, 99)}";

    [Fact]
    public async Task List_ShowsOnePage_WithAHintOnStderr_AndAllWalksEveryPage()
    {
        var (region, ids) = await ThreePartnersAsync("Alpha Trading", "Beta Trading", "Gamma Trading");

        var firstTwo = await platform.RunCliAsync("partners", "list", "--region", region, "--limit", "2", "-o", "json");
        var cursor = System.Text.RegularExpressions.Regex.Match(firstTwo.Error, @"--cursor (\S+)").Groups[1].Value;
        var rest = await platform.RunCliAsync("partners", "list", "--region", region, "--cursor", cursor, "-o", "json");
        var all = await platform.RunCliAsync("partners", "list", "--region", region, "--all", "-o", "json");

        Assert.Equal(0, firstTwo.ExitCode);
        Assert.Equal(ids.Take(2), firstTwo.Ids);
        Assert.Contains("More results exist", firstTwo.Error);
        Assert.Equal(ids.Skip(2), rest.Ids);
        Assert.Equal("", rest.Error);
        Assert.Equal(ids, all.Ids);
        Assert.Equal("", all.Error);
    }

    [Fact]
    public async Task List_WalksPagesOfTheApiSizeWhenTheLimitIsAboveIt()
    {
        var region = UnusedRegion();
        for (var i = 0; i < 103; i++)
        {
            await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(region: region));
        }

        var limited = await platform.RunCliAsync("partners", "list", "--region", region, "--limit", "102", "-o", "json");
        var all = await platform.RunCliAsync("partners", "list", "--region", region, "--all", "-o", "json");
        var firstPage = await platform.RunCliAsync("partners", "list", "--region", region, "-o", "json");

        Assert.Equal(102, limited.Ids.Count);
        Assert.Contains("--cursor", limited.Error);
        Assert.Equal(103, all.Ids.Distinct().Count());
        Assert.Equal(25, firstPage.Ids.Count);
    }

    [Fact]
    public async Task Table_AlignsColumns_AndJsonKeepsQuotesAndChineseUnescaped()
    {
        var (region, _) = await ThreePartnersAsync("杭州 \"Lakeside\" Retail", "Beta Trading");

        var table = await platform.RunCliAsync("partners", "list", "--region", region);
        var json = await platform.RunCliAsync("partners", "list", "--region", region, "-o", "json");

        var lines = table.Output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id", lines[0]);
        var statusColumn = lines[0].IndexOf("status", StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Equal("active", line[statusColumn..].Split(' ')[0]));
        Assert.Contains("杭州 \"Lakeside\" Retail", table.Output);
        Assert.Contains("\"name\": \"杭州 \\\"Lakeside\\\" Retail\"", json.Output);
        Assert.DoesNotContain("\\u", json.Output);
        Assert.StartsWith("[\n  {\n    \"id\"", json.Output);
    }

    [Fact]
    public async Task AViewer_CanListAndShow_ButIsRefusedFreeze_WithTheForbiddenCodeAndTheServersMessage()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var viewer = await platform.InternalSessionAsync(InternalRole.Viewer);

        var listed = await platform.RunCliAsAsync(viewer, "partners", "list", "--limit", "1");
        var shown = await platform.RunCliAsAsync(viewer, "partners", "show", partnerId, "-o", "json");
        var freeze = await platform.RunCliAsAsync(viewer, "partners", "freeze", partnerId);

        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("active", shown.Json!["status"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Forbidden, freeze.ExitCode);
        Assert.Contains("(insufficient_role)", freeze.Error);
        Assert.Equal("", freeze.Output);
        Assert.Equal("active", (await platform.RunCliAsync("partners", "show", partnerId, "-o", "json")).Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Risk_FreezesAndUnfreezes()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var risk = await platform.InternalSessionAsync(InternalRole.Risk);

        var frozen = await platform.RunCliAsAsync(risk, "partners", "freeze", partnerId, "-o", "json");
        var frozenList = await platform.RunCliAsAsync(risk, "partners", "list", "--status", "frozen", "--all", "-o", "json");
        var unfrozen = await platform.RunCliAsAsync(risk, "partners", "unfreeze", partnerId, "-o", "json");

        Assert.Equal("frozen", frozen.Json!["status"]!.GetValue<string>());
        Assert.Contains(partnerId, frozenList.Ids);
        Assert.Equal("active", unfrozen.Json!["status"]!.GetValue<string>());
    }
}
