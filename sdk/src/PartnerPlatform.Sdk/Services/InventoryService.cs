namespace PartnerPlatform.Sdk;

/// <summary>How an import's rows are written.</summary>
public enum StockImportFormat
{
    /// <summary>One JSON row object per line (<c>application/x-ndjson</c>).</summary>
    JsonLines,

    /// <summary>CSV with a header naming locationId, sku and any of onHand, delta, reason (<c>text/csv</c>).</summary>
    Csv,
}

/// <summary>Your locations, their stock, adjustments, the change feed, and shared availability: <c>client.Inventory</c>.</summary>
public sealed class InventoryService
{
    private readonly InventoryClient _inventory;
    private readonly LocationsClient _locations;
    private readonly HttpClient _http;

    internal InventoryService(HttpClient http)
    {
        _http = http;
        _inventory = new InventoryClient(http) { ReadResponseAsString = true };
        _locations = new LocationsClient(http) { ReadResponseAsString = true };
    }

    /// <summary>Available units of a SKU in your environment: the brand's, and partners' who share with you.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="region">Only partner locations in this region or below it (e.g. <c>CN-SH</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SharedAvailabilityResponse> GetSharedAvailabilityAsync(string sku, string? region = null, CancellationToken cancellationToken = default) =>
        _inventory.GetSharedAvailabilityAsync(sku, region, cancellationToken);

    /// <summary>Adds a warehouse or store.</summary>
    /// <param name="request">Name, type, region, sharing.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<LocationResponse> CreateLocationAsync(CreateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _locations.CreateLocationAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <summary>Reads a location.</summary>
    /// <param name="id">The location id (<c>loc_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<LocationResponse> GetLocationAsync(string id, CancellationToken cancellationToken = default) => _locations.GetLocationAsync(id, cancellationToken);

    /// <summary>Changes the fields you set.</summary>
    /// <param name="id">The location id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<LocationResponse> UpdateLocationAsync(string id, UpdateLocationRequest request, CancellationToken cancellationToken = default) =>
        _locations.UpdateLocationAsync(id, request, cancellationToken);

    /// <summary>Every location, oldest first.</summary>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<LocationResponse> ListLocationsAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<LocationResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListLocationsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>One stock level.</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StockLevelResponse> GetStockAsync(string locationId, string sku, CancellationToken cancellationToken = default) =>
        _locations.GetStockLevelAsync(locationId, sku, cancellationToken);

    /// <summary>Every stock level at a location, by SKU.</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<StockLevelResponse> ListStockAutoPagingAsync(string locationId, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockLevelResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListStockLevelsAsync(locationId, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>
    /// Sets the absolute on-hand count. Pass the <c>version</c> you read to change an existing level
    /// only if nobody changed it meanwhile (<see cref="PartnerConflictException"/> otherwise); leave it
    /// null for a SKU's first count at the location.
    /// </summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="onHand">Units on hand.</param>
    /// <param name="expectedVersion">The level's version as you read it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StockLevelResponse> SetStockAsync(string locationId, string sku, int onHand, int? expectedVersion, CancellationToken cancellationToken = default) =>
        _locations.SetStockLevelAsync(locationId, sku, expectedVersion is { } version ? $"\"v{version}\"" : null, new SetStockRequest { OnHand = onHand }, cancellationToken);

    /// <summary>Records an <c>inventory.low_stock</c> event whenever available falls below <paramref name="threshold"/> (null stops it).</summary>
    /// <param name="locationId">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="threshold">Units; null clears it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StockLevelResponse> SetLowStockThresholdAsync(string locationId, string sku, int? threshold, CancellationToken cancellationToken = default) =>
        _locations.SetLowStockThresholdAsync(locationId, sku, new LowStockThresholdRequest { Threshold = threshold }, cancellationToken);

    /// <summary>Adds or removes units with a reason; safe to retry (an Idempotency-Key is sent).</summary>
    /// <param name="request">Location, SKU, delta, reason.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StockLevelResponse> AdjustAsync(StockAdjustmentRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _inventory.AdjustStockAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <summary>
    /// Sets or adjusts up to 5,000 levels atomically (all or none; a refusal names every bad row in
    /// <see cref="PartnerApiException.Errors"/>). Safe to retry.
    /// </summary>
    /// <param name="rows">Absolute (<c>OnHand</c>) or relative (<c>Delta</c> and <c>Reason</c>) rows.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<BulkStockResponse> BulkAsync(IReadOnlyList<BulkStockRow> rows, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _inventory.BulkSetStockAsync((options ?? new RequestOptions()).KeyOrNew(), new BulkStockRequest { Rows = rows }, cancellationToken);

    /// <summary>
    /// Starts a large stock sync (up to 1,000,000 rows) that applies in the background; poll it with
    /// <see cref="GetImportAsync"/> or <see cref="WaitForImportAsync"/>. Bad rows are reported by line,
    /// good ones apply. The content is read as UTF-8 text before sending, so a retry sends it again.
    /// </summary>
    /// <param name="content">JSON lines (one row object per line) or CSV with a header.</param>
    /// <param name="format">Which of the two <paramref name="content"/> is.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<StockImportResponse> ImportAsync(Stream content, StockImportFormat format, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Sent by hand: the upload is raw text, not JSON, which the generated method would serialise.
        using var reader = new StreamReader(content, System.Text.Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/inventory/imports")
        {
            Content = new StringContent(text, System.Text.Encoding.UTF8, format == StockImportFormat.Csv ? "text/csv" : "application/x-ndjson"),
        };
        request.Headers.Add("Idempotency-Key", (options ?? new RequestOptions()).KeyOrNew());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<StockImportResponse>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
                ?? throw new System.Text.Json.JsonException("empty");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PartnerApiException(response.StatusCode, "unexpected_response", "The import's answer is not an import.",
                response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null, body, null, e);
        }
    }

    /// <summary>An import's progress, counts and first 1,000 refused rows.</summary>
    /// <param name="id">The import id (<c>imp_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StockImportResponse> GetImportAsync(string id, CancellationToken cancellationToken = default) => _inventory.GetStockImportAsync(id, cancellationToken);

    /// <summary>Polls an import until it has completed.</summary>
    /// <param name="id">The import id.</param>
    /// <param name="pollInterval">Between polls; 1 s when null.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<StockImportResponse> WaitForImportAsync(string id, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var import = await GetImportAsync(id, cancellationToken).ConfigureAwait(false);
            if (import.Status == StockImportStatus.Completed)
            {
                return import;
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every change to your stock after <c>options.Cursor</c>, in commit order: apply them in order to mirror our view.</summary>
    /// <param name="options">Where to resume, and the page size.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<StockChangeResponse> ListChangesAutoPagingAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockChangeResponse>(async (cursor, ct) =>
        {
            var page = await _inventory.ListStockChangesAsync(options?.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, cancellationToken);
}
