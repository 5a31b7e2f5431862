using System.Net;
using System.Text.RegularExpressions;
using Integration.Api.ApiDocs;
using Integration.Web.Docs;

namespace Integration.Api.Hosting;

/// <summary>
/// The page a problem's <c>type</c> names: <c>GET /problems/{code}</c> is that code's row of the error
/// catalogue (docs/errors.md, embedded at build, so the page and the guide never differ), rendered as the guides are
/// (<see cref="GuideRenderer"/>); <c>GET /problems</c> lists every code. An unknown code is a 404 problem.
/// </summary>
public static partial class ProblemPages
{
    public const string Path = "/problems";

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Catalogue = new(Read);

    public sealed record Entry(string Code, string Status, string Meaning, string WhatToDo);

    public static IReadOnlyDictionary<string, Entry> Codes => Catalogue.Value;

    /// <summary>The base of problem type URIs on the host (and path base) the request came to.</summary>
    public static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/";

    public static WebApplication MapProblemPages(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext context) => Html(context, "Errors", "Every error is an RFC 9457 problem with a stable <code>code</code>. Codes:",
            "<ul>" + string.Concat(Codes.Values.Select(e => $"<li><a href=\"{context.Request.PathBase}{Path}/{e.Code}\"><code>{e.Code}</code></a> ({e.Status}): {Inline(e.Meaning)}</li>"))
            + $"</ul><p>The whole guide: <a href=\"{context.Request.PathBase}{GuideRenderer.GuidesPath}/errors\">errors</a>.</p>"))
            .ExcludeFromDescription();
        app.MapGet($"{Path}/{{code}}", (HttpContext context, string code) => Codes.TryGetValue(code, out var entry)
                ? Html(context, entry.Code, $"HTTP status {entry.Status}",
                    $"<h2>Meaning</h2><p>{Inline(entry.Meaning)}</p><h2>What to do</h2><p>{(entry.WhatToDo is "" or "—" ? "Nothing you can change: see the problem's <code>detail</code>." : Inline(entry.WhatToDo))}</p>"
                    + $"<p>All codes: <a href=\"{context.Request.PathBase}{Path}\">the error catalogue</a>. Quote the problem's <code>traceId</code> to support.</p>")
                : new PageNotFound($"There is no error code '{code}'; {Path} lists every code."))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Html(HttpContext context, string title, string lead, string body) =>
        GuidePages.Page(context, $"{title} — errors", $"<h1><code>{WebUtility.HtmlEncode(title)}</code></h1><p>{lead}</p>{body}");

    /// <summary>The catalogue's table rows: <c>| `code` | status | meaning | what to do |</c>.</summary>
    private static IReadOnlyDictionary<string, Entry> Read()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var line in Guides.All["errors"].Markdown.Split('\n'))
        {
            if (Row().Match(line) is { Success: true } row)
            {
                entries.TryAdd(row.Groups["code"].Value, new Entry(row.Groups["code"].Value, row.Groups["status"].Value.Trim(),
                    row.Groups["meaning"].Value.Trim(), row.Groups["todo"].Value.Trim()));
            }
        }
        return entries;
    }

    /// <summary>A cell of the catalogue, as the guide renders it.</summary>
    private static string Inline(string markdown) => GuideRenderer.Inline(markdown.Replace("\\|", "|"), Guides.All["errors"].FileName, Guides.IsServed);

    [GeneratedRegex(@"^\|\s*`(?<code>[a-z][a-z0-9_]+)`\s*\|(?<status>[^|]+)\|(?<meaning>(?:[^|\\]|\\\|)*)\|(?<todo>(?:[^|\\]|\\\|)*)\|\s*$")]
    private static partial Regex Row();
}
