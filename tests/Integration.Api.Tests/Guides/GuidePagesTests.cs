using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Api.ApiDocs;
using Integration.Api.Tests.Infrastructure;
using Integration.Web.Docs;

namespace Integration.Api.Tests.Guides;

/// <summary>
/// Issue 20: the guides in docs/ are served as pages (<c>/docs/guides</c> lists them, <c>/docs/guides/{name}</c> is one),
/// every link between them works, and the API docs page leads to them, so a developer who opens Swagger UI finds the
/// quickstart, and an operator finds operations, without the repository.
/// </summary>
public sealed partial class GuidePagesTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private const string Index = "/docs/guides";

    [Fact]
    public async Task Every_guide_in_docs_is_listed_in_the_index_and_served_as_a_page()
    {
        var client = platform.CreateClient();
        var index = await PageAsync(client, Index);
        var wrong = new List<string>();

        foreach (var (name, title) in GuidesInTheRepository())
        {
            if (!index.Contains($"href=\"{Index}/{name}\"", StringComparison.Ordinal))
            {
                wrong.Add($"{name}: not listed in {Index}");
            }
            var page = await client.GetAsync($"{Index}/{name}");
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html"
                || !WebUtility.HtmlDecode(html).Contains(title, StringComparison.Ordinal))
            {
                wrong.Add($"{name}: {(int)page.StatusCode} {page.Content.Headers.ContentType} without its title '{title}'");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Contains("partner developers", index, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("operators", index, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("internal teams", index, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_link_in_the_served_guides_leads_somewhere()
    {
        var client = platform.CreateClient();
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var toVisit = new Queue<string>([Index]);
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        var links = 0;

        while (toVisit.TryDequeue(out var path))
        {
            if (pages.ContainsKey(path))
            {
                continue;
            }
            pages[path] = await PageAsync(client, path);
            foreach (Match link in Reference().Matches(pages[path]))
            {
                var href = WebUtility.HtmlDecode(link.Groups["url"].Value);
                if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
                {
                    continue; // the outside world; not ours to check here
                }
                links++;
                var target = new Uri(new Uri("http://localhost" + path), href);
                if (target.AbsolutePath.StartsWith(Index, StringComparison.Ordinal) && link.Groups["attribute"].Value == "href")
                {
                    toVisit.Enqueue(target.AbsolutePath);
                }
                var answer = await client.GetAsync(target.PathAndQuery);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    broken.Add($"{path}: {href} → {(int)answer.StatusCode}");
                }
                else if (target.Fragment.Length > 1 && !(await answer.Content.ReadAsStringAsync()).Contains($"id=\"{target.Fragment[1..]}\"", StringComparison.Ordinal))
                {
                    broken.Add($"{path}: {href} → no such heading");
                }
            }
        }

        Assert.True(pages.Count > GuidesInTheRepository().Count, $"only {pages.Count} pages reached from {Index}");
        Assert.True(links > 50, $"only {links} links checked");
        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task The_api_docs_lead_to_the_guides(string documentName)
    {
        var client = await platform.AdminClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync($"/swagger/{documentName}/swagger.json"))!;
        var description = document["info"]!["description"]!.GetValue<string>();

        var guides = MarkdownLink().Matches(description).Select(m => m.Groups["url"].Value).Where(u => u.StartsWith(Index, StringComparison.Ordinal)).ToList();

        Assert.Contains(Index, guides);
        Assert.True(guides.Count > 1, description);
        foreach (var guide in guides)
        {
            await PageAsync(client, guide);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/index.html")).StatusCode);
    }

    [Fact]
    public async Task The_swagger_ui_page_links_the_guides()
    {
        var page = await platform.CreateClient().GetStringAsync("/docs/index.html");

        Assert.Contains($"href=\"{Index}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deprecation_link_of_v1_answers_is_the_served_migration_guide()
    {
        var session = await platform.NewPartnerSessionAsync();
        var answer = await session.Client.GetAsync("/v1/orders");

        var link = answer.Headers.GetValues("Link").Single(l => l.Contains("rel=\"deprecation\"", StringComparison.Ordinal));
        var guide = new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Contains("v2", await PageAsync(platform.CreateClient(), guide.AbsolutePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_guide_is_a_404_problem()
    {
        var answer = await platform.CreateClient().GetAsync($"{Index}/no-such-guide");

        await answer.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Theory]
    [InlineData("/docs/guides/..%2F..%2Fappsettings.json")]
    [InlineData("/docs/guides/..%2F..%2Fsrc%2FIntegration.Api%2Fappsettings.json")]
    [InlineData("/docs/guides/%2E%2E%2F%2E%2E%2FREADME")]
    [InlineData("/docs/guides/..%5C..%5Cappsettings.json")]
    [InlineData("/docs/guides/%2Fetc%2Fpasswd")]
    public async Task A_path_out_of_the_guides_is_not_served(string path)
    {
        var answer = await platform.CreateClient().GetAsync(path);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guide_page_runs_no_script()
    {
        var answer = await platform.CreateClient().GetAsync($"{Index}/getting-started");

        var policy = Assert.Single(answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markup_in_a_guide_is_shown_not_run()
    {
        var html = GuideRenderer.Render("""
            # Title

            <script>alert(1)</script> <img src=x onerror=alert(2)>
            [click](javascript:alert(3)) and [mail](mailto:partner-integrations@example.com)
            """, "getting-started.md", _ => false);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:partner-integrations@example.com\"", html, StringComparison.Ordinal);
    }

    /// <summary>Every Markdown file under docs/, by the name it is served under, with its first heading.</summary>
    private static List<(string Name, string Title)> GuidesInTheRepository()
    {
        var docs = RepositoryFiles.PathOf("docs");
        return Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(docs, file)[..^3].Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadLines(file).First(line => line.StartsWith("# ", StringComparison.Ordinal))[2..].Trim()))
            .OrderBy(g => g.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var answer = await client.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode} {html}");
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [GeneratedRegex("(?<attribute>href|src)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
