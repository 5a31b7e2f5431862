using System.Text.Json;
using Integration.Core.Audit;
using Microsoft.Extensions.Options;

namespace Integration.Application.Audit;

/// <summary>
/// <c>Audit:CheckpointDirectory</c>/audit-checkpoints.jsonl: every checkpoint this instance wrote, one JSON
/// line each, appended. Kept where the database's administrators cannot rewrite it, it still names the
/// chain's length and head after both the entries and the checkpoint table were cut back.
/// </summary>
public sealed class AuditCheckpointFile(IOptions<AuditOptions> options)
{
    public const string FileName = "audit-checkpoints.jsonl";
    private static readonly Lock Appending = new();

    public string? Path => string.IsNullOrWhiteSpace(options.Value.CheckpointDirectory)
        ? null
        : System.IO.Path.Combine(options.Value.CheckpointDirectory, FileName);

    public void Append(AuditCheckpoint checkpoint)
    {
        if (Path is not { } path)
        {
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        // One write of one whole line, so instances appending to a shared file do not interleave inside a line.
        var line = JsonSerializer.Serialize(checkpoint, JsonSerializerOptions.Web) + "\n";
        lock (Appending)
        {
            File.AppendAllText(path, line);
        }
    }

    /// <summary>The checkpoints in the file, and the number of the first line that is not one (if any).</summary>
    public (IReadOnlyList<AuditCheckpoint> Checkpoints, int? UnreadableLine) Read()
    {
        if (Path is not { } path || !File.Exists(path))
        {
            return ([], null);
        }
        var text = File.ReadAllText(path);
        // A last line without its newline is still being written by another instance.
        var lines = text.Split('\n')[..^1];
        var checkpoints = new List<AuditCheckpoint>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            try
            {
                checkpoints.Add(JsonSerializer.Deserialize<AuditCheckpoint>(lines[i], JsonSerializerOptions.Web)
                    ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                return (checkpoints, i + 1);
            }
        }
        return (checkpoints, null);
    }
}
