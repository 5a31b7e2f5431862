using System.Net;
using System.Text.RegularExpressions;
using Integration.Api.Hosting;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>
/// A problem's <c>type</c> is a page the platform serves, explaining its code (docs/errors.md, one
/// page per code), so a developer who follows the link from an error finds what to do.
/// </summary>
public sealed partial class ProblemPagesTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_problems_type_is_a_page_that_explains_its_code()
    {
        var client = platform.CreateClient();
        var problem = await (await client.GetAsync("/v2/no-such-thing")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        var type = new Uri(problem["type"]!.GetValue<string>());

        var page = await client.GetAsync(type.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("resource_not_found", html);
        Assert.Contains("404", html);
        Assert.Contains("check the id", html);
    }

    [Fact]
    public async Task Every_code_the_platform_can_answer_with_has_its_page()
    {
        var client = platform.CreateClient();
        var missing = new List<string>();
        foreach (var code in CodesInTheSource())
        {
            var page = await client.GetAsync($"/problems/{code}");
            if (page.StatusCode != HttpStatusCode.OK || !(await page.Content.ReadAsStringAsync()).Contains(code))
            {
                missing.Add($"{code}: {(int)page.StatusCode}");
            }
        }
        Assert.True(missing.Count == 0, "no page (add the code to docs/errors.md): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_problem()
    {
        var answer = await platform.CreateClient().GetAsync("/problems/no_such_code");

        await answer.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    /// <summary>Every code in a DomainException or a problem written with a status, and each status's default code.</summary>
    private static SortedSet<string> CodesInTheSource()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in CodeAfterKind().Matches(text).Concat(CodeAfterStatus().Matches(text)))
            {
                codes.Add(match.Groups["code"].Value);
            }
        }
        for (var status = 400; status < 600; status++)
        {
            if (Problems.DefaultCode(status) is var code and not "error" && (status < 500 || status is 500 or 503))
            {
                codes.Add(code);
            }
        }
        codes.Add("validation_failed");
        Assert.True(codes.Count > 30, $"the scan found only {codes.Count} codes");
        return codes;
    }

    [GeneratedRegex("""ErrorKind\.\w+,\s*"(?<code>[a-z][a-z0-9_]+)"\s*,""")]
    private static partial Regex CodeAfterKind();

    [GeneratedRegex("""StatusCodes\.Status\d+\w*,\s*"(?<code>[a-z][a-z0-9_]+)"\s*,""")]
    private static partial Regex CodeAfterStatus();
}
