namespace Integration.Api.Tests.Infrastructure;

/// <summary>The checked-out repository the tests were built from (docs, sources, committed contract).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Integration.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Integration.sln not found above " + AppContext.BaseDirectory);
    }
}
