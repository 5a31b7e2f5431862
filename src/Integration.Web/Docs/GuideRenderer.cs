using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Integration.Web.Docs;

/// <summary>
/// The one way a guide (or a piece of one, such as a row of the error catalogue) becomes HTML. Raw HTML in the
/// Markdown is shown as text, links to anything but http(s) and mail are plain text, and links between guides and to
/// their images point where the platform serves them (<c>/docs/guides/…</c>, or the guides' pages in the portal, <c>/portal/docs/…</c>); a link to a file that is not served
/// (source code, the SDK's folder) is left as its text rather than a link that leads nowhere.
/// </summary>
public static class GuideRenderer
{
    public const string GuidesPath = "/docs/guides";

    /// <summary>Where the portal shows the guides for partners, inside its layout (images stay where <see cref="GuidesPath"/> serves them).</summary>
    public const string PortalPath = "/portal/docs";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <param name="markdown">The guide's text.</param>
    /// <param name="sourcePath">Its path under docs/ (<c>webhooks.md</c>), against which its relative links are read.</param>
    /// <param name="isServed">Whether a path under docs/ is served (<see cref="Guides.IsServed"/>).</param>
    /// <param name="guidesPath">Where links to guides lead: <see cref="GuidesPath"/>, or <see cref="PortalPath"/>.</param>
    public static string Render(string markdown, string sourcePath, Func<string, bool> isServed, string guidesPath = GuidesPath)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (Target(link.Url ?? "", sourcePath, isServed, guidesPath) is { } url)
            {
                link.Url = url;
            }
            else
            {
                Unlink(link);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsOutsideAndSafe(autolink.Url) && !autolink.IsEmail)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        foreach (var code in document.Descendants<CodeBlock>())
        {
            // A long example scrolls sideways: the keyboard must be able to reach it to scroll it (WCAG 2.1.1).
            code.GetAttributes().AddProperty("tabindex", "0");
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>A piece of Markdown that sits inside a sentence (a table cell): its HTML without the paragraph around it.</summary>
    public static string Inline(string markdown, string sourcePath, Func<string, bool> isServed)
    {
        var html = Render(markdown, sourcePath, isServed).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>Where a link goes when served, or null when it must not be a link.</summary>
    private static string? Target(string url, string sourcePath, Func<string, bool> isServed, string guidesPath)
    {
        if (url.StartsWith('#') && guidesPath != GuidesPath)
        {
            return $"{guidesPath}/{sourcePath[..^3]}{url}"; // the portal's pages have a <base href="/">: "#part" alone would lead home
        }
        if (url.Length == 0 || url.StartsWith('#') || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url.Length == 0 ? null : url;
        }
        if (HasScheme(url))
        {
            return IsOutsideAndSafe(url) ? url : null;
        }
        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var segments = new List<string>(sourcePath.Split('/')[..^1]);
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null; // out of docs/
                }
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }
        var target = string.Join('/', segments);
        if (!isServed(target))
        {
            return null;
        }
        return target.EndsWith(".md", StringComparison.Ordinal) ? $"{guidesPath}/{target[..^3]}{fragment}" : $"{GuidesPath}/{target}{fragment}";
    }

    private static bool HasScheme(string url) => url.IndexOf(':') is var colon and > 0 && url.IndexOfAny(['/', '?', '#']) is var end && (end < 0 || colon < end);

    private static bool IsOutsideAndSafe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" or "mailto";

    /// <summary>The link's text stays where the link was; an image leaves its description.</summary>
    private static void Unlink(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }
}
