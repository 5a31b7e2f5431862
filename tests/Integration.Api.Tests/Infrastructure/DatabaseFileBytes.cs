namespace Integration.Api.Tests.Infrastructure;

/// <summary>What a SQLite test database holds on disk: the file and its write-ahead log, read while the platform runs.</summary>
public static class DatabaseFileBytes
{
    public static byte[] Of(TestDatabase database)
    {
        var path = database.ConnectionString["Data Source=".Length..];
        return new[] { path, path + "-wal" }.Where(File.Exists).Select(ReadShared).SelectMany(b => b).ToArray();
    }

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
