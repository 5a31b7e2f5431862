using System.Text;
using System.Text.Json;
using Integration.Application.OAuth;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Inventory;

/// <summary>
/// An import as its creator sees it: <c>progress</c> is processed rows as a fraction of all rows (0 to
/// 1); <c>errors</c> lists the first 1,000 refused rows by their line number in the upload.
/// </summary>
public sealed record StockImportResponse(
    string Id, StockImportStatus Status, string Format, int TotalRows, int ProcessedRows, int AppliedRows, int FailedRows, decimal Progress,
    IReadOnlyList<StockImportError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    public static StockImportResponse Of(StockImport i) => new(
        i.Id, i.Status, i.Format, i.TotalRows, i.ProcessedRows, i.AppliedRows, i.FailedRows,
        i.TotalRows == 0 ? 1m : Math.Round((decimal)i.ProcessedRows / i.TotalRows, 4),
        JsonSerializer.Deserialize<List<StockImportError>>(i.Errors, StockImports.ErrorJson)!, i.CreatedAt, i.StartedAt, i.CompletedAt);
}

/// <summary>One refused row of an import.</summary>
/// <param name="Line">Its line in the upload (a CSV header is line 1).</param>
/// <param name="Error">What is wrong with it.</param>
public sealed record StockImportError(int Line, string Error);

/// <summary>
/// Accepts large stock syncs (JSON lines or CSV, up to 1,000,000 rows) and applies them in the
/// background, 5,000 lines per transaction. Unlike a bulk request an import is not all-or-nothing:
/// good rows apply, bad ones are reported with their line numbers.
/// </summary>
public sealed class StockImports(IntegrationDbContext db, BulkStockRows stock, ContractJson json, BusinessClock clock)
{
    public const int MaxRows = 1_000_000;
    public const string NdjsonFormat = "ndjson";
    public const string CsvFormat = "csv";
    internal static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);

    public async Task<StockImport> CreateAsync(Caller caller, string format, Stream body, CancellationToken cancellationToken)
    {
        var id = Ids.New("imp");
        var upload = format == CsvFormat ? await StockImportCsv.SplitAsync(id, body, cancellationToken) : await SplitLinesAsync(id, body, cancellationToken);
        if (upload.Rows == 0)
        {
            throw DomainException.Invalid("body", "The upload has no rows.");
        }
        var import = new StockImport
        {
            Id = id, PartnerId = caller.PartnerId!, Environment = caller.Environment!.Value, Format = format, CsvHeader = upload.CsvHeader,
            TotalRows = upload.Rows, ChunkCount = upload.Chunks.Count, CreatedAt = clock.UtcNow(),
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.StockImports.Add(import);
        db.StockImportChunks.AddRange(upload.Chunks);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return import;
    }

    private static async Task<StockImportUpload> SplitLinesAsync(string id, Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var chunker = new StockImportChunker(id);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            chunker.Add(++lineNumber, line, isRow: !string.IsNullOrWhiteSpace(line));
        }
        return chunker.Complete(csvHeader: null);
    }

    public async Task<StockImport> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.StockImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw DomainException.NotFound("import", id);

    /// <summary>
    /// Applies one chunk in the caller's open transaction (this context must be scoped to the import's
    /// partner) and returns its counts and refused rows.
    /// </summary>
    internal async Task<(int Rows, int Applied, List<StockImportError> Errors)> ApplyChunkAsync(StockImport import, StockImportChunk chunk, CancellationToken cancellationToken)
    {
        var (rows, lineNumbers, errors) = Parse(import, chunk);
        var processed = rows.Count + errors.Count;
        var outcome = rows.Count == 0
            ? new BulkStockRows.RowsOutcome(0, 0, [])
            : await stock.ApplyRowsAsync(rows, (i, field) => $"{lineNumbers[i]}|{field}", atomic: false, cancellationToken);
        foreach (var (key, messages) in outcome.Errors)
        {
            var parts = key.Split('|');
            errors.Add(new StockImportError(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                (parts[1].Length > 0 ? parts[1] + ": " : "") + string.Join(" ", messages)));
        }
        // One entry per refused row, however many of its fields were wrong.
        var perRow = errors.GroupBy(e => e.Line).OrderBy(g => g.Key).Select(g => new StockImportError(g.Key, string.Join("; ", g.Select(e => e.Error)))).ToList();
        return (processed, outcome.Applied, perRow);
    }

    private (List<BulkStockRow> Rows, List<int> LineNumbers, List<StockImportError> Errors) Parse(StockImport import, StockImportChunk chunk)
    {
        if (import.CsvHeader is { } header)
        {
            return StockImportCsv.Parse(header, chunk);
        }
        var rows = new List<BulkStockRow>();
        var lineNumbers = new List<int>();
        var errors = new List<StockImportError>();
        var lines = chunk.Content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var line = chunk.FirstLine + i;
            try
            {
                rows.Add(ParseJson(text)); // fields are checked with the rows, by BulkStockRows
                lineNumbers.Add(line);
            }
            catch (FormatException e)
            {
                errors.Add(new StockImportError(line, e.Message));
            }
        }
        return (rows, lineNumbers, errors);
    }

    private BulkStockRow ParseJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<BulkStockRow>(text, json.Options) ?? throw new FormatException("The line is not a row object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a valid row: {e.Message}");
        }
    }
}
