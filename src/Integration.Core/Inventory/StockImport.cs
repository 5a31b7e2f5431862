using Integration.Core.Common;

namespace Integration.Core.Inventory;

public enum StockImportStatus
{
    Queued,
    Running,
    Completed,
}

/// <summary>
/// A large stock sync (up to 1,000,000 rows of JSON lines or CSV) applied in the background, chunk by
/// chunk. Each chunk and the progress it makes commit together, so a crashed worker's successor
/// resumes after the last committed chunk and no relative row is applied twice.
/// </summary>
public sealed class StockImport : IPartnerOwned
{
    public const int MaxErrorsKept = 1_000;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    /// <summary><c>ndjson</c> or <c>csv</c>.</summary>
    public required string Format { get; init; }

    /// <summary>For CSV: the header's column names, comma-separated.</summary>
    public string? CsvHeader { get; init; }
    public StockImportStatus Status { get; set; }
    public int TotalRows { get; init; }
    public int ChunkCount { get; init; }
    public int NextChunk { get; set; }
    public int ProcessedRows { get; set; }
    public int AppliedRows { get; set; }
    public int FailedRows { get; set; }

    /// <summary>The first <see cref="MaxErrorsKept"/> refused rows, as JSON: <c>[{ "line": 7, "error": "…" }]</c>.</summary>
    public string Errors { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>Up to <see cref="Lines"/> raw lines of an import, numbered from <see cref="FirstLine"/>.</summary>
public sealed class StockImportChunk
{
    public const int Lines = 5_000;

    public required string ImportId { get; init; }
    public int Index { get; init; }
    public int FirstLine { get; init; }
    public required string Content { get; init; }
}
