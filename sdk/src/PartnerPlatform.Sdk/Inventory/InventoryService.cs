using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Inventory;

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
    public Task<SharedAvailabilityResponse> GetSharedAvailabilityAsync(string sku, string? region = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _inventory.GetSharedAvailabilityAsync(sku, region, ct), cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> CreateLocationAsync(CreateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _locations.CreateLocationAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> GetLocationAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _locations.GetLocationAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<LocationResponse> UpdateLocationAsync(string id, UpdateLocationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _locations.UpdateLocationAsync(id, request, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LocationResponse> ListLocationsAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<LocationResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListLocationsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> GetStockAsync(string locationId, string sku, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _locations.GetStockLevelAsync(locationId, sku, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StockLevelResponse> ListStockAutoPagingAsync(string locationId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockLevelResponse>(async (cursor, ct) =>
        {
            var page = await _locations.ListStockLevelsAsync(locationId, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> SetStockAsync(string locationId, string sku, int onHand, int? expectedVersion, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _locations.SetStockLevelAsync(locationId, sku, expectedVersion is { } version ? $"\"v{version}\"" : null, new SetStockRequest { OnHand = onHand }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> SetLowStockThresholdAsync(string locationId, string sku, int? threshold, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _locations.SetLowStockThresholdAsync(locationId, sku, new LowStockThresholdRequest { Threshold = threshold }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StockLevelResponse> AdjustAsync(StockAdjustmentRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _inventory.AdjustStockAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<BulkStockResponse> BulkAsync(IReadOnlyList<BulkStockRow> rows, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _inventory.BulkSetStockAsync(RequestOptions.KeyOrNew(options), new BulkStockRequest { Rows = rows }, ct), cancellationToken);

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
        request.Headers.Add("Idempotency-Key", RequestOptions.KeyOrNew(options));
        using var response = await Call.SendAsync(options, ct => _http.SendAsync(request, ct), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var import = System.Text.Json.JsonSerializer.Deserialize<StockImportResponse>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
                ?? throw new System.Text.Json.JsonException("empty");
            import.LastResponse = PartnerResponse.From(response);
            return import;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PartnerApiException(response.StatusCode, "unexpected_response", "The import's answer is not an import.",
                response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null, body, null, e);
        }
    }

    /// <inheritdoc />
    public Task<StockImportResponse> GetImportAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _inventory.GetStockImportAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public async Task<StockImportResponse> WaitForImportAsync(string id, TimeSpan? pollInterval = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var import = await GetImportAsync(id, options, cancellationToken).ConfigureAwait(false);
            if (import.Status == StockImportStatus.Completed)
            {
                return import;
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StockChangeResponse> ListChangesAutoPagingAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<StockChangeResponse>(async (cursor, ct) =>
        {
            var page = await _inventory.ListStockChangesAsync(options?.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, requestOptions, cancellationToken);
}
