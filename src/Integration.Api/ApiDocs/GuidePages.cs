using System.Net;
using System.Security.Cryptography;
using System.Text;
using Integration.Api.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Integration.Web.Docs;

namespace Integration.Api.ApiDocs;

/// <summary>
/// The guides as pages: <c>GET /docs/guides</c> lists them by who reads them, <c>GET /docs/guides/{name}</c> is one
/// (an unknown name is a 404 problem), and their images are served beside them. Pages run no script: the content
/// security policy allows only our own images and the page's own style.
/// </summary>
public static class GuidePages
{
    private const string Style = "body{font:16px/1.55 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem 3rem;color:#1b1f24}"
        + "nav{padding:.8rem 0;border-bottom:1px solid #d0d7de;margin-bottom:1rem}code,pre{font-family:ui-monospace,monospace;font-size:90%}"
        + "pre{background:#f6f8fa;padding:.8rem;overflow:auto}table{border-collapse:collapse;display:block;overflow:auto}"
        + "th,td{border:1px solid #d0d7de;padding:.3rem .6rem;vertical-align:top}img{max-width:100%}";

    /// <summary>Nothing but our images and the one style above; no script, no form, no frame.</summary>
    private static readonly string Policy = "default-src 'none'; img-src 'self'; style-src 'sha256-"
        + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Who reads which guides; a guide not named here is listed under <see cref="More"/>.</summary>
    private static readonly (string Audience, string Lead, string[] Names)[] Audiences =
    [
        ("For partner developers", "Apply, connect, place orders, keep stock in step, get paid, and handle every answer.", [.. Guides.ForPartners]),
        ("For operators", "Run, configure, watch and secure the platform.", ["operations", "security", "benchmarks"]),
    ];

    private const string More = "For internal teams";

    public static WebApplication MapGuidePages(this WebApplication app)
    {
        var contentTypes = new FileExtensionContentTypeProvider();
        app.MapGet(GuideRenderer.GuidesPath, (HttpContext context) => Page(context, "Guides", Index(context)))
            .ExcludeFromDescription();
        app.MapGet($"{GuideRenderer.GuidesPath}/{{**name}}", (HttpContext context, string name) =>
            {
                if (Guides.All.TryGetValue(name, out var guide))
                {
                    return Page(context, guide.Title, Guides.HtmlOf(guide));
                }
                if (Guides.Assets.TryGetValue(name, out var image) && contentTypes.TryGetContentType(name, out var type))
                {
                    return Results.Bytes(image, type);
                }
                return new PageNotFound($"There is no guide '{name}'; {GuideRenderer.GuidesPath} lists every guide.");
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A page of the platform's docs (a guide, an error code): the page's HTML around its body, under the policy.</summary>
    public static IResult Page(HttpContext context, string title, string bodyHtml)
    {
        context.Response.Headers.ContentSecurityPolicy = Policy;
        var root = context.Request.PathBase;
        return Results.Content($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} — Partner Integration API</title><style>{Style}</style></head>
            <body><nav><a href="{root}{GuideRenderer.GuidesPath}">Guides</a> · <a href="{root}/docs/index.html">API reference</a> · <a href="{root}{ProblemPages.Path}">Error codes</a></nav>
            <main>{bodyHtml}</main></body></html>
            """, "text/html", Encoding.UTF8);
    }

    private static string Index(HttpContext context)
    {
        var root = context.Request.PathBase + GuideRenderer.GuidesPath;
        var listed = Audiences.SelectMany(a => a.Names).ToHashSet(StringComparer.Ordinal);
        var groups = Audiences
            .Select(a => (Audience: a.Audience, Lead: a.Lead, Guides: a.Names.Where(Guides.All.ContainsKey).Select(n => Guides.All[n]).ToList()))
            .Append((Audience: More, Lead: "Why the platform is built as it is: the decisions, one record each.",
                Guides: Guides.All.Values.Where(g => !listed.Contains(g.Name)).OrderBy(g => g.Name, StringComparer.Ordinal).ToList()));
        var html = new StringBuilder("<h1>Guides</h1><p>How to use and run the Partner Integration API. The interactive reference of every operation is <a href=\"")
            .Append(context.Request.PathBase).Append("/docs/index.html\">the API reference</a>.</p>");
        foreach (var (audience, lead, guides) in groups.Where(g => g.Guides.Count > 0))
        {
            html.Append("<h2>").Append(audience).Append("</h2><p>").Append(lead).Append("</p><ul>");
            foreach (var guide in guides)
            {
                html.Append("<li><a href=\"").Append(root).Append('/').Append(guide.Name).Append("\">").Append(WebUtility.HtmlEncode(guide.Title)).Append("</a></li>");
            }
            html.Append("</ul>");
        }
        return html.ToString();
    }
}
