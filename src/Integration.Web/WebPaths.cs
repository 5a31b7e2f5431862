using Microsoft.AspNetCore.Http;

namespace Integration.Web;

/// <summary>The paths the web answers; everything else is the API's.</summary>
public static class WebPaths
{
    public const string Portal = "/portal";
    public const string Console = "/console";
    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string Culture = "/culture";

    public static bool IsWeb(PathString path) =>
        path.StartsWithSegments(Portal) || path.StartsWithSegments(Console) || path.StartsWithSegments(SignIn)
        || path.StartsWithSegments(SignOut) || path.StartsWithSegments(Culture) || path.StartsWithSegments("/web");

    /// <summary>A return address the sign-in may redirect to: one of our own pages, never another site.</summary>
    public static string SafeReturn(string? returnUrl, string fallback = Portal) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            && IsWeb(new PathString(url.Split('?')[0]))
            ? url
            : fallback;
}
