using Integration.Core.Common;
using Microsoft.Net.Http.Headers;

namespace Integration.Api.Hosting;

/// <summary>Strong ETags from a resource's version, and the <c>If-Match</c> check of updates.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"v{version}\"";

    public static void Set(HttpContext context, int version) => context.Response.Headers[HeaderNames.ETag] = Of(version);

    /// <summary>Throws 412 when <c>If-Match</c> names another version, 428 when it is required and absent.</summary>
    public static void CheckIfMatch(HttpContext context, int currentVersion, bool required)
    {
        var ifMatch = context.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            if (required)
            {
                throw new DomainException(ErrorKind.PreconditionRequired, "if_match_required",
                    "This update needs an If-Match header with the resource's current ETag.");
            }
            return;
        }
        if (ifMatch.Trim() == "*")
        {
            return;
        }
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Any(t => !t.StartsWith("\"v", StringComparison.Ordinal) && !t.StartsWith("W/\"v", StringComparison.Ordinal)))
        {
            throw DomainException.Invalid("If-Match", "If-Match must hold an ETag this API returned, such as \"v3\".");
        }
        if (!tags.Contains(Of(currentVersion)))
        {
            throw new DomainException(ErrorKind.PreconditionFailed, "precondition_failed",
                $"The resource changed since you read it; its current ETag is {Of(currentVersion)}. Read it again and retry.");
        }
    }
}
