using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Integration.Web.Tests.Console;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Accessibility;

/// <summary>
/// Every page, as a partner user and as an internal person sees it, checked by axe-core against WCAG 2.1 A and AA
/// (labels, names, contrast, landmarks, language): a serious or critical finding fails with the elements it names.
/// </summary>
public sealed class AccessibilityTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_finding()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/signin");
        await AssertAccessibleAsync(page, "/signin");
    }

    [Fact]
    public async Task Every_portal_page_has_no_serious_accessibility_finding_in_english_and_chinese()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, partnerId);
        await EachAsync(page, WebPages.Portal);
        // The header's language switch, as a person uses it: the page's language attribute follows.
        await page.GotoAsync("/portal");
        await page.SelectOptionAsync("#culture", "zh-CN");
        await page.Locator("form[action='/culture'] button").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await AssertAccessibleAsync(page, "/portal (zh-CN)");
    }

    [Fact]
    public async Task Every_console_page_has_no_serious_accessibility_finding()
    {
        var (page, _) = await platform.SignedInAsync("admin");
        await EachAsync(page, WebPages.Console);
    }

    [Fact]
    public async Task Every_control_of_a_page_is_reached_with_the_keyboard_in_reading_order()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, partnerId);
        await page.GotoAsync("/portal/credentials");
        // Each Tab press moves to the next control in the order the page reads: none skipped, none out of order, no trap.
        const string Controls = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea";
        var count = await page.EvaluateAsync<int>($"() => [...document.querySelectorAll('{Controls}')].filter(e => e.getClientRects().length > 0).length");
        Assert.True(count > 5, $"only {count} controls on the credentials page");
        var order = new List<int>();
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<int>(
                $"() => [...document.querySelectorAll('{Controls}')].filter(e => e.getClientRects().length > 0).indexOf(document.activeElement)"));
        }
        Assert.Equal(Enumerable.Range(0, count), order);
        // The focused control is visibly marked (a focus ring), not left to guess.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
    }

    private static async Task EachAsync(IPage page, IEnumerable<string> paths)
    {
        var findings = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            findings.AddRange(await FindingsAsync(page, path));
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var findings = await FindingsAsync(page, what);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static async Task<IReadOnlyList<string>> FindingsAsync(IPage page, string what)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }
}
