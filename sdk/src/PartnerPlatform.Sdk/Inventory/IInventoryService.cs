namespace PartnerPlatform.Sdk.Inventory;

/// <summary>Your locations, their stock, adjustments, the change feed, and shared availability: <c>client.Inventory</c>.</summary>
public interface IInventoryService
{
    /// <summary>Available units of a SKU in your environment: the brand's, and partners' who share with you.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="region">Only partner locations in this region or below it (e.g. <c>CN-SH</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SharedAvailabilityResponse> GetSharedAvailabilityAsync(string sku, string? region = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a warehouse or store.</summary>
    /// <param name="request">Name, type, region, sharing.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<LocationResponse> CreateLocationAsync(CreateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a location.</summary>
    /// <param name="id">The location id (<c>loc_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<LocationResponse> GetLocationAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the fields you set.</summary>
    /// <param name="id">The location id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<LocationResponse> UpdateLocationAsync(string id, UpdateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every location, oldest first.</summary>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<LocationResponse> ListLocationsAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>One stock level.</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockLevelResponse> GetStockAsync(string locationId, string sku, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every stock level at a location, by SKU.</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StockLevelResponse> ListStockAutoPagingAsync(string locationId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the absolute on-hand count. Pass the <c>version</c> you read to change an existing level
    /// only if nobody changed it meanwhile (<see cref="PartnerConflictException"/> otherwise); leave it
    /// null for a SKU's first count at the location.
    /// </summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="onHand">Units on hand.</param>
    /// <param name="expectedVersion">The level's version as you read it.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockLevelResponse> SetStockAsync(string locationId, string sku, int onHand, int? expectedVersion, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Records an <c>inventory.low_stock</c> event whenever available falls below <paramref name="threshold"/> (null stops it).</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="threshold">Units; null clears it.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockLevelResponse> SetLowStockThresholdAsync(string locationId, string sku, int? threshold, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Adds or removes units with a reason; safe to retry (an Idempotency-Key is sent).</summary>
    /// <param name="request">Location, SKU, delta, reason.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockLevelResponse> AdjustAsync(StockAdjustmentRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets or adjusts up to 5,000 levels atomically (all or none; a refusal names every bad row in
    /// <see cref="PartnerApiException.Errors"/>). Safe to retry.
    /// </summary>
    /// <param name="rows">Absolute (<c>OnHand</c>) or relative (<c>Delta</c> and <c>Reason</c>) rows.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<BulkStockResponse> BulkAsync(IReadOnlyList<BulkStockRow> rows, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a large stock sync (up to 1,000,000 rows) that applies in the background; poll it with
    /// <see cref="GetImportAsync"/> or <see cref="WaitForImportAsync"/>. Bad rows are reported by line,
    /// good ones apply. The content is read as UTF-8 text before sending, so a retry sends it again.
    /// </summary>
    /// <param name="content">JSON lines (one row object per line) or CSV with a header.</param>
    /// <param name="format">Which of the two <paramref name="content"/> is.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockImportResponse> ImportAsync(Stream content, StockImportFormat format, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>An import's progress, counts and first 1,000 refused rows.</summary>
    /// <param name="id">The import id (<c>imp_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockImportResponse> GetImportAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Polls an import until it has completed.</summary>
    /// <param name="id">The import id.</param>
    /// <param name="pollInterval">Between polls; 1 s when null.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StockImportResponse> WaitForImportAsync(string id, TimeSpan? pollInterval = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every change to your stock after <c>options.Cursor</c>, in commit order: apply them in order to mirror our view.</summary>
    /// <param name="options">Where to resume, and the page size.</param>
    /// <param name="requestOptions">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<StockChangeResponse> ListChangesAutoPagingAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
