using System.Security.Cryptography;
using System.Text.Json;
using Integration.Core.Audit;

namespace Integration.Application.Audit;

/// <summary>
/// Development only, when no key is configured: one key generated on the first run and kept in a file
/// next to the SQLite database (readable by its owner only), never in the database itself.
/// </summary>
public static class DevelopmentAuditKey
{
    public const string RelativePath = "data/audit-chain.key";

    public static AuditKeyRing LoadOrCreate(string contentRoot)
    {
        var path = Path.Combine(contentRoot, RelativePath);
        if (!File.Exists(path))
        {
            Create(path);
        }
        var stored = JsonSerializer.Deserialize<AuditChainKeyOptions>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The development audit key file '{path}' is empty; delete it to have a new key made.");
        var options = new AuditOptions { ChainKeys = [stored], CurrentKeyId = stored.Id };
        return options.Problem(keysRequired: true) is { } problem
            ? throw new InvalidOperationException($"The development audit key file '{path}' cannot be used: {problem}")
            : options.ToKeyRing();
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = new AuditChainKeyOptions { Id = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(path, file);
            JsonSerializer.Serialize(stream, key, JsonSerializerOptions.Web);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; its key is the one.
        }
    }
}
