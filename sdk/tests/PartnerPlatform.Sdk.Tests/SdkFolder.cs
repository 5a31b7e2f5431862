namespace PartnerPlatform.Sdk.Tests;

/// <summary>The repository's sdk/ folder (the contract in openapi/, surfaces.json), found above the test binaries.</summary>
internal static class SdkFolder
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "sdk", "surfaces.json")))
        {
            directory = directory.Parent;
        }
        return System.IO.Path.Combine(directory?.FullName ?? throw new InvalidOperationException("sdk/surfaces.json not found above the test binaries."), "sdk");
    }
}
