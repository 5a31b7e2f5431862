using Integration.Core.Inventory;

namespace Integration.Application.Inventory;

/// <summary>An upload cut into chunks: the CSV header as stored (canonical names joined by the file's separator), the chunks, and the row count.</summary>
public sealed record StockImportUpload(string? CsvHeader, IReadOnlyList<StockImportChunk> Chunks, int Rows);
