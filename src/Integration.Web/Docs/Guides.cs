using System.Collections.Frozen;
using System.Text;

namespace Integration.Web.Docs;

/// <summary>
/// The guides of docs/ and the images they show, embedded at build (so what is served is what the repository says,
/// and nothing is read from the disk by a request's path), each guide rendered once.
/// </summary>
public static class Guides
{
    private const string Prefix = "docs/";

    private static readonly Lazy<(FrozenDictionary<string, Guide> Guides, FrozenDictionary<string, byte[]> Assets)> Embedded = new(Read);

    private static readonly Lazy<FrozenDictionary<string, string>> Rendered = new(() => All.Values.ToFrozenDictionary(
        guide => guide.Name, guide => GuideRenderer.Render(guide.Markdown, guide.FileName, IsServed), StringComparer.Ordinal));

    private static readonly Lazy<FrozenDictionary<string, string>> RenderedForPortal = new(() => All.Values.ToFrozenDictionary(
        guide => guide.Name, guide => GuideRenderer.Render(guide.Markdown, guide.FileName, IsServed, GuideRenderer.PortalPath), StringComparer.Ordinal));

    /// <summary>The guides for partner developers, in reading order: apply, connect, trade, get paid, handle every answer.</summary>
    public static readonly IReadOnlyList<string> ForPartners =
        [
            "portal", "onboarding", "getting-started", "authentication", "orders", "inventory", "customers", "outlets", "settlement", "insights", "grades",
            "sandbox", "webhooks", "request-log", "versioning", "errors",
        ];

    /// <summary>By name (the path under docs/ without <c>.md</c>).</summary>
    public static IReadOnlyDictionary<string, Guide> All => Embedded.Value.Guides;

    /// <summary>Images by their path under docs/.</summary>
    public static IReadOnlyDictionary<string, byte[]> Assets => Embedded.Value.Assets;

    /// <summary>The guide as HTML (its body, without the page around it).</summary>
    public static string HtmlOf(Guide guide) => Rendered.Value[guide.Name];

    /// <summary>The guide as HTML for the portal: its links to guides stay in the portal.</summary>
    public static string PortalHtmlOf(Guide guide) => RenderedForPortal.Value[guide.Name];

    /// <summary>Whether a path under docs/ (<c>errors.md</c>, <c>img/flow.svg</c>) is served.</summary>
    public static bool IsServed(string pathUnderDocs) =>
        pathUnderDocs.EndsWith(".md", StringComparison.Ordinal) ? All.ContainsKey(pathUnderDocs[..^3]) : Assets.ContainsKey(pathUnderDocs);

    private static (FrozenDictionary<string, Guide>, FrozenDictionary<string, byte[]>) Read()
    {
        var assembly = typeof(Guides).Assembly;
        var guides = new Dictionary<string, Guide>(StringComparer.Ordinal);
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var path = resource[Prefix.Length..].Replace('\\', '/');
            if (path.EndsWith(".md", StringComparison.Ordinal))
            {
                var markdown = Encoding.UTF8.GetString(bytes.ToArray());
                guides[path[..^3]] = new Guide(path[..^3], TitleOf(markdown) ?? path[..^3], markdown);
            }
            else
            {
                assets[path] = bytes.ToArray();
            }
        }
        if (!guides.ContainsKey("errors"))
        {
            throw new InvalidOperationException("The guides of docs/ are not embedded in the platform.");
        }
        return (guides.ToFrozenDictionary(StringComparer.Ordinal), assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string? TitleOf(string markdown) =>
        markdown.Split('\n').FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();
}
