namespace PartnerPlatform.Sdk;

/// <summary>How an import's rows are written.</summary>
public enum StockImportFormat
{
    /// <summary>One JSON row object per line (<c>application/x-ndjson</c>).</summary>
    JsonLines,

    /// <summary>CSV with a header naming locationId, sku and any of onHand, delta, reason (<c>text/csv</c>).</summary>
    Csv,
}

/// <inheritdoc cref="IInventoryService" />
public sealed class InventoryService : IInventoryService
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

    /// <inheritdoc />
    public Task<SharedAvailabilityResponse> GetSharedAvailabilityAsync(string sku, string? region = null, CancellationToken cancellationToken = default) =>
        _inventory.GetSharedAvailabilityAsync(sku, region, cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> CreateLocationAsync(CreateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _locations.CreateLocationAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> GetLocationAsync(string id, CancellationToken cancellationToken = default) => _locations.GetLocationAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> UpdateLocationAsync(string id, UpdateLocationRequest request, CancellationToken cancellationToken = default) =>
        _locations.UpdateLocationAsync(id, request, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LocationResponse> ListLocationsAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<LocationResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListLocationsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> GetStockAsync(string locationId, string sku, CancellationToken cancellationToken = default) =>
        _locations.GetStockLevelAsync(locationId, sku, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StockLevelResponse> ListStockAutoPagingAsync(string locationId, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockLevelResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListStockLevelsAsync(locationId, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> SetStockAsync(string locationId, string sku, int onHand, int? expectedVersion, CancellationToken cancellationToken = default) =>
        _locations.SetStockLevelAsync(locationId, sku, expectedVersion is { } version ? $"\"v{version}\"" : null, new SetStockRequest { OnHand = onHand }, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> SetLowStockThresholdAsync(string locationId, string sku, int? threshold, CancellationToken cancellationToken = default) =>
        _locations.SetLowStockThresholdAsync(locationId, sku, new LowStockThresholdRequest { Threshold = threshold }, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> AdjustAsync(StockAdjustmentRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _inventory.AdjustStockAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <inheritdoc />
    public Task<BulkStockResponse> BulkAsync(IReadOnlyList<BulkStockRow> rows, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _inventory.BulkSetStockAsync((options ?? new RequestOptions()).KeyOrNew(), new BulkStockRequest { Rows = rows }, cancellationToken);

    /// <inheritdoc />
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

    /// <inheritdoc />
    public Task<StockImportResponse> GetImportAsync(string id, CancellationToken cancellationToken = default) => _inventory.GetStockImportAsync(id, cancellationToken);

    /// <inheritdoc />
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

    /// <inheritdoc />
    public IAsyncEnumerable<StockChangeResponse> ListChangesAutoPagingAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockChangeResponse>(async (cursor, ct) =>
        {
            var page = await _inventory.ListStockChangesAsync(options?.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, cancellationToken);
}
