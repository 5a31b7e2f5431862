namespace PartnerPlatform.Sdk.Inventory;

/// <summary>How an import's rows are written.</summary>
public enum StockImportFormat
{
    /// <summary>One JSON row object per line (<c>application/x-ndjson</c>).</summary>
    JsonLines,

    /// <summary>CSV with a header naming locationId, sku and any of onHand, delta, reason (<c>text/csv</c>).</summary>
    Csv,
}
