using System.Text;
using Integration.Core.Common;
using Integration.Core.Inventory;

namespace Integration.Application.Inventory;

/// <summary>
/// Cuts an upload into chunks of <see cref="StockImportChunk.Lines"/> entries. A chunk keeps the line it
/// starts on and every line break of the upload (skipped blank lines, breaks inside quoted CSV values),
/// so a row's line in its chunk still gives its line in the upload.
/// </summary>
public sealed class StockImportChunker(string importId)
{
    private readonly List<StockImportChunk> _chunks = [];
    private readonly StringBuilder _content = new();
    private int _firstLine, _nextLine, _entries;

    public int Rows { get; private set; }

    /// <param name="line">The line of the upload the entry starts on.</param>
    /// <param name="text">The entry as uploaded, without its final line break.</param>
    /// <param name="isRow">False for a blank line, which is kept but not counted.</param>
    public void Add(int line, string text, bool isRow)
    {
        if (text.Contains('\0'))
        {
            // No database text column holds NUL (PostgreSQL refuses it), and no row needs one.
            throw DomainException.Invalid("body", $"Line {line} contains a NUL character.");
        }
        if (isRow && ++Rows > StockImports.MaxRows)
        {
            throw new DomainException(ErrorKind.Unprocessable, "import_too_large", $"An import takes at most {StockImports.MaxRows:N0} rows; split it.");
        }
        if (_entries == 0)
        {
            _firstLine = _nextLine = line;
        }
        _content.Append('\n', line - _nextLine).Append(text).Append('\n');
        _nextLine = line + 1 + LineBreaks(text);
        if (++_entries == StockImportChunk.Lines)
        {
            Cut();
        }
    }

    public StockImportUpload Complete(string? csvHeader)
    {
        if (_entries > 0)
        {
            Cut();
        }
        return new StockImportUpload(csvHeader, _chunks, Rows);
    }

    private void Cut()
    {
        _chunks.Add(new StockImportChunk { ImportId = importId, Index = _chunks.Count, FirstLine = _firstLine, Content = _content.ToString() });
        _content.Clear();
        _entries = 0;
    }

    /// <summary>CR, LF and CR LF each count once, as CSV readers count lines.</summary>
    private static int LineBreaks(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
            {
                count++;
            }
        }
        return count;
    }
}
