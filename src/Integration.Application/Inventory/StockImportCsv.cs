using System.Globalization;
using System.Text;
using CsvHelper;
using Integration.Core.Common;
using Integration.Core.Inventory;

namespace Integration.Application.Inventory;

/// <summary>
/// CSV stock imports as spreadsheets and ERPs write them: UTF-8 with or without BOM, CRLF or LF, RFC 4180
/// quoting (separators, quotes and line breaks inside quoted values), comma or semicolon separated (detected
/// from the file), columns named in the header in any order and case. The upload is split into chunks by
/// record; each chunk is read again when it is applied, and each bad row is reported by the line it starts on.
/// </summary>
public static class StockImportCsv
{
    private static readonly string[] Columns = ["locationId", "sku", "onHand", "delta", "reason"];
    private static readonly Dictionary<string, AdjustmentReason> Reasons = Enum.GetValues<AdjustmentReason>().ToDictionary(r => SnakeCase.Of(r));

    // Far above any stock row, and low enough that an unclosed quote cannot swallow a large upload into one record.
    private static readonly CsvReaderOptions Reading = CsvReaderOptions.Default with { TrackLineNumbers = true, MaxRecordSize = 64 * 1024 };

    public static async Task<StockImportUpload> SplitAsync(string importId, Stream body, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(body, Reading, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var header = HeaderOf(reader.Headers, reader.Separator);
            var chunker = new StockImportChunker(importId);
            while (await reader.ReadAsync(cancellationToken))
            {
                chunker.Add((int)reader.LineNumber, Encoding.UTF8.GetString(reader.RawRecord), isRow: !IsBlank(reader));
            }
            return chunker.Complete(header);
        }
        catch (CsvFormatException e)
        {
            throw DomainException.Invalid("body", $"The CSV cannot be read at line {e.LineNumber}: {e.Message}");
        }
    }

    /// <summary>The rows of a chunk, with the line each starts on, and the rows that cannot be read.</summary>
    public static (List<BulkStockRow> Rows, List<int> LineNumbers, List<StockImportError> Errors) Parse(string header, StockImportChunk chunk)
    {
        var separator = header.Contains(';') ? ';' : ',';
        var columns = header.Split(separator);
        var rows = new List<BulkStockRow>();
        var lineNumbers = new List<int>();
        var errors = new List<StockImportError>();
        int LineOf(long lineInChunk) => chunk.FirstLine + (int)lineInChunk - 1;
        var options = Reading with
        {
            Separator = separator,
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => errors.Add(new StockImportError(LineOf(m.LineNumber),
                $"Malformed quoting ({SnakeCase.Of(m.Reason).Replace('_', ' ')}): enclose a value that contains '{separator}', a quote or a line break in double quotes, and double the quotes inside it.")),
        };
        using var reader = CsvReader.FromText(chunk.Content, options);
        while (reader.Read())
        {
            if (IsBlank(reader))
            {
                continue;
            }
            var line = LineOf(reader.LineNumber);
            try
            {
                rows.Add(RowOf(reader, columns, separator)); // fields are checked with the rows, by BulkStockRows
                lineNumbers.Add(line);
            }
            catch (FormatException e)
            {
                errors.Add(new StockImportError(line, e.Message));
            }
        }
        return (rows, lineNumbers, errors);
    }

    private static string HeaderOf(IReadOnlyList<string> names, char separator)
    {
        var required = $"The CSV header must name locationId and sku, and may add onHand, delta and reason";
        if (names.Count == 0)
        {
            throw DomainException.Invalid("body", required + ".");
        }
        if (separator is not (',' or ';'))
        {
            throw DomainException.Invalid("body", "Separate values with commas or semicolons.");
        }
        var canonical = names.Select(n => Columns.FirstOrDefault(c => c.Equals(n.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        var unknown = names.Where((_, i) => canonical[i] is null).Select(n => n.Length == 0 ? "(unnamed)" : n).ToList();
        var repeated = canonical.OfType<string>().GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0 || repeated.Count > 0 || !canonical.Contains("locationId") || !canonical.Contains("sku"))
        {
            throw DomainException.Invalid("body", required
                + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "")
                + (repeated.Count > 0 ? $"; named more than once: {string.Join(", ", repeated)}" : "") + ".");
        }
        return string.Join(separator, canonical);
    }

    private static bool IsBlank(CsvReader reader) => reader.FieldCount == 1 && string.IsNullOrWhiteSpace(reader.GetString(0));

    private static BulkStockRow RowOf(CsvReader reader, string[] columns, char separator)
    {
        if (reader.FieldCount != columns.Length)
        {
            var expected = $"Expected {columns.Length} values ({string.Join(", ", columns)}), found {reader.FieldCount}";
            throw new FormatException(reader.FieldCount < columns.Length
                ? $"{expected}: {string.Join(", ", columns[reader.FieldCount..])} {(columns.Length - reader.FieldCount == 1 ? "is" : "are")} missing."
                : $"{expected}; enclose a value that contains '{separator}' in double quotes.");
        }
        string? Value(string column) =>
            Array.IndexOf(columns, column) is var at and >= 0 && reader.GetString(at).Trim() is { Length: > 0 } v ? v : null;
        int? Number(string column) => Value(column) is { } v
            ? int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
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
