namespace Integration.Api.Hosting;

/// <summary>
/// Where the platform finds its configuration (appsettings*.json) and keeps its default SQLite data:
/// the working directory when it holds appsettings.json (<c>dotnet run</c> runs in the project
/// directory, so data stays in <c>src/Integration.Api/data</c>), otherwise the application's own
/// directory. Without this, <c>dotnet /opt/platform/Integration.Api.dll</c> started from elsewhere
/// silently ignored its appsettings.json and made a database wherever it was started.
/// An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still wins.
/// </summary>
public static class ApplicationDirectory
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGiven(args) ? null : ContentRoot(Directory.GetCurrentDirectory()),
    };

    public static string ContentRoot(string workingDirectory) =>
        File.Exists(Path.Combine(workingDirectory, "appsettings.json")) ? workingDirectory : AppContext.BaseDirectory;

    private static bool IsGiven(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase));
}
