using System.Text;
using System.Text.Json;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Api.Inventory;

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
public sealed class StockImports(IntegrationDbContext db, StockBook stock, IOptions<JsonOptions> json, BusinessClock clock)
{
    public const int MaxRows = 1_000_000;
    public const string NdjsonFormat = "ndjson";
    public const string CsvFormat = "csv";
    private static readonly string[] CsvColumns = ["locationId", "sku", "onHand", "delta", "reason"];
    internal static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, AdjustmentReason> Reasons = Enum.GetValues<AdjustmentReason>().ToDictionary(r => SnakeCase.Of(r));

    public async Task<StockImport> CreateAsync(Caller caller, string format, Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? header = null;
        var lineNumber = 0;
        if (format == CsvFormat)
        {
            header = await reader.ReadLineAsync(cancellationToken);
            lineNumber = 1;
            var columns = header?.Split(',').Select(c => c.Trim()).ToArray() ?? [];
            var unknown = columns.Where(c => !CsvColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (columns.Length == 0 || unknown.Count > 0 || !columns.Contains("locationId", StringComparer.OrdinalIgnoreCase) || !columns.Contains("sku", StringComparer.OrdinalIgnoreCase))
            {
                throw DomainException.Invalid("body", $"The CSV header must name locationId and sku, and may add onHand, delta and reason{(unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "")}.");
            }
            header = string.Join(',', columns);
        }
        var id = Ids.New("imp");
        var chunks = new List<StockImportChunk>();
        var lines = new StringBuilder();
        int rows = 0, inChunk = 0, firstLine = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (inChunk == 0)
            {
                firstLine = lineNumber;
            }
            lines.Append(line).Append('\n');
            if (!string.IsNullOrWhiteSpace(line) && ++rows > MaxRows)
            {
                throw new DomainException(ErrorKind.Unprocessable, "import_too_large", $"An import takes at most {MaxRows:N0} rows; split it.");
            }
            if (++inChunk == StockImportChunk.Lines)
            {
                chunks.Add(new StockImportChunk { ImportId = id, Index = chunks.Count, FirstLine = firstLine, Content = lines.ToString() });
                lines.Clear();
                inChunk = 0;
            }
        }
        if (inChunk > 0)
        {
            chunks.Add(new StockImportChunk { ImportId = id, Index = chunks.Count, FirstLine = firstLine, Content = lines.ToString() });
        }
        if (rows == 0)
        {
            throw DomainException.Invalid("body", "The upload has no rows.");
        }
        var import = new StockImport
        {
            Id = id, PartnerId = caller.PartnerId!, Environment = caller.Environment!.Value, Format = format, CsvHeader = header,
            TotalRows = rows, ChunkCount = chunks.Count, CreatedAt = clock.UtcNow(),
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.StockImports.Add(import);
        db.StockImportChunks.AddRange(chunks);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return import;
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
            ? new StockBook.RowsOutcome(0, 0, [])
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
        var rows = new List<BulkStockRow>();
        var lineNumbers = new List<int>();
        var errors = new List<StockImportError>();
        var columns = import.CsvHeader?.Split(',');
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
                rows.Add(columns is null ? ParseJson(text) : ParseCsv(text, columns)); // fields are checked with the rows, by StockBook
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
            return JsonSerializer.Deserialize<BulkStockRow>(text, json.Value.JsonSerializerOptions) ?? throw new FormatException("The line is not a row object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a valid row: {e.Message}");
        }
    }

    private static BulkStockRow ParseCsv(string text, string[] columns)
    {
        var values = text.Split(',');
        if (values.Length != columns.Length)
        {
            throw new FormatException($"Expected {columns.Length} values, found {values.Length} (values may not contain commas).");
        }
        string? Value(string column) =>
            Array.FindIndex(columns, c => c.Equals(column, StringComparison.OrdinalIgnoreCase)) is var at and >= 0 && values[at].Trim() is { Length: > 0 } v ? v : null;
        int? Number(string column) => Value(column) is { } v
            ? int.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"{column} must be a whole number, not '{v}'.")
            : null;
        AdjustmentReason? Reason() => Value("reason") is { } v
            ? Reasons.TryGetValue(v, out var reason)
                ? reason
                : throw new FormatException($"reason must be one of {string.Join(", ", Reasons.Keys)}, not '{v}'.")
            : null;
        return new BulkStockRow
        {
            LocationId = Value("locationId") ?? throw new FormatException("locationId is empty."),
            Sku = Value("sku") ?? throw new FormatException("sku is empty."),
            OnHand = Number("onHand"),
            Delta = Number("delta"),
            Reason = Reason(),
        };
    }
}
