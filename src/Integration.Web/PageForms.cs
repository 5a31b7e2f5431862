using Integration.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Integration.Web;

/// <summary>
/// What every form post of the web does around the application service it calls: the service's refusal (or the role
/// check's, the same the admin API gives) becomes the page's message and its status code, never a 500.
/// </summary>
public static class PageForms
{
    /// <summary>Runs the action; null when it went through, else the refusal's words (the response carries its status).</summary>
    public static async Task<string?> RunAsync(HttpContext http, Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException refused)
        {
            http.Response.StatusCode = ErrorStatus.Of(refused.Kind);
            return refused.Message;
        }
    }

    /// <summary>A text field of the posted form, trimmed; refused as the API refuses a body when blank or too long.</summary>
    public static async Task<string> TextAsync(HttpContext http, string field, int maxLength)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var text = form[field].ToString().Trim();
        if (text.Length == 0)
        {
            throw DomainException.Invalid(field, $"Give the {field}.");
        }
        if (text.Length > maxLength)
        {
            throw DomainException.Invalid(field, $"The {field} has at most {maxLength} characters.");
        }
        return text;
    }

    /// <summary>An optional field of the posted form, trimmed; null when absent or blank, refused when too long.</summary>
    public static async Task<string?> OptionalAsync(HttpContext http, string field, int maxLength)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var text = form[field].ToString().Trim();
        return text.Length == 0 ? null : await TextAsync(http, field, maxLength);
    }
}
