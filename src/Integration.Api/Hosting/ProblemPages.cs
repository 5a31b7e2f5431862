using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Integration.Api.Hosting;

/// <summary>
/// The page a problem's <c>type</c> names: <c>GET /problems/{code}</c> is that code's row of the error
/// catalogue (docs/errors.md, embedded at build, so the page and the guide never differ), as HTML;
/// <c>GET /problems</c> lists every code. An unknown code is a 404 problem.
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
        app.MapGet(Path, () => Html("Errors", "Every error is an RFC 9457 problem with a stable <code>code</code>. Codes:",
            "<ul>" + string.Concat(Codes.Values.Select(e => $"<li><a href=\"{Path}/{e.Code}\"><code>{e.Code}</code></a> ({e.Status}): {Inline(e.Meaning)}</li>")) + "</ul>"))
            .ExcludeFromDescription();
        app.MapGet($"{Path}/{{code}}", (string code) => Codes.TryGetValue(code, out var entry)
                ? Html(entry.Code, $"HTTP status {entry.Status}",
                    $"<h2>Meaning</h2><p>{Inline(entry.Meaning)}</p><h2>What to do</h2><p>{(entry.WhatToDo is "" or "—" ? "Nothing you can change: see the problem's <code>detail</code>." : Inline(entry.WhatToDo))}</p>"
                    + $"<p>All codes: <a href=\"{Path}\">the error catalogue</a>. Quote the problem's <code>traceId</code> to support.</p>")
                : new NotFoundProblem(code))
            .ExcludeFromDescription();
        return app;
    }

    private sealed class NotFoundProblem(string code) : IResult
    {
        public Task ExecuteAsync(HttpContext context) => Problems.WriteAsync(context, StatusCodes.Status404NotFound, "resource_not_found",
            $"There is no error code '{code}'; {Path} lists every code.");
    }

    private static IResult Html(string title, string lead, string body) => Results.Content($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} — Partner Integration API errors</title></head>
        <body><h1><code>{WebUtility.HtmlEncode(title)}</code></h1><p>{lead}</p>{body}</body></html>
        """, "text/html", Encoding.UTF8);

    /// <summary>The catalogue's table rows: <c>| `code` | status | meaning | what to do |</c>.</summary>
    private static IReadOnlyDictionary<string, Entry> Read()
    {
        using var stream = typeof(ProblemPages).Assembly.GetManifestResourceStream("errors.md")
            ?? throw new InvalidOperationException("docs/errors.md is not embedded in the platform.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (Row().Match(line) is { Success: true } row)
            {
                entries.TryAdd(row.Groups["code"].Value, new Entry(row.Groups["code"].Value, row.Groups["status"].Value.Trim(),
                    row.Groups["meaning"].Value.Trim(), row.Groups["todo"].Value.Trim()));
            }
        }
        return entries;
    }

    /// <summary>Markdown's inline code and links as HTML; everything else as text.</summary>
    private static string Inline(string markdown)
    {
        var html = WebUtility.HtmlEncode(markdown.Replace("\\|", "|"));
        html = Link().Replace(html, "$1");
        return Code().Replace(html, "<code>$1</code>");
    }

    [GeneratedRegex(@"^\|\s*`(?<code>[a-z][a-z0-9_]+)`\s*\|(?<status>[^|]+)\|(?<meaning>(?:[^|\\]|\\\|)*)\|(?<todo>(?:[^|\\]|\\\|)*)\|\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
