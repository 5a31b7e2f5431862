using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Observability;
using Integration.Api.Paging;
using Integration.Api.Partners;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Inventory;

namespace Integration.Api.Inventory;

/// <summary>Your warehouses and stores, and the stock at each.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/locations")]
[Tags("Locations")]
public sealed class LocationsController(PartnerLocations locations, StockLevels stock) : ControllerBase
{
    /// <summary>Adds a location. Its stock is shared with nobody unless you say so.</summary>
    [HttpPost(Name = "CreateLocation")]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [Idempotent(required: false)]
    [ProducesResponseType<LocationResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateLocationRequest request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var location = await locations.CreateLocationAsync(caller.PartnerId!, caller.Environment!.Value, request, cancellationToken);
        ETags.Set(HttpContext, location.Version);
        return Created(Url.Link("GetLocation", new { id = location.Id, version = RouteData.Values["version"] }), LocationResponse.Of(location));
    }

    /// <summary>Lists your locations in this environment, oldest first.</summary>
    [HttpGet(Name = "ListLocations")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<Page<LocationResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await locations.ListLocationsAsync(page, cancellationToken)).ToPage(page, HttpContext, PartnerLocations.CursorOf, LocationResponse.Of);

    [HttpGet("{id}", Name = "GetLocation")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<LocationResponse> Get(string id, CancellationToken cancellationToken)
    {
        var location = await locations.GetLocationAsync(id, cancellationToken);
        ETags.Set(HttpContext, location.Version);
        return LocationResponse.Of(location);
    }

    /// <summary>Changes the fields present: name, type, region, address, sharing.</summary>
    [HttpPatch("{id}", Name = "UpdateLocation")]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    public async Task<LocationResponse> Update(string id, UpdateLocationRequest request, CancellationToken cancellationToken)
    {
        var location = await locations.UpdateLocationAsync(id, request, cancellationToken);
        ETags.Set(HttpContext, location.Version);
        return LocationResponse.Of(location);
    }

    /// <summary>The stock levels at a location, by SKU.</summary>
    [HttpGet("{id}/stock", Name = "ListStockLevels")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<Page<StockLevelResponse>> ListStock(string id, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await stock.ListStockAsync(id, page, cancellationToken)).ToPage(page, HttpContext, StockLevels.CursorOf, StockLevelResponse.Of);

    /// <summary>One stock level. Its ETag is what setting it needs in If-Match.</summary>
    [HttpGet("{id}/stock/{sku}", Name = "GetStockLevel")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<StockLevelResponse> GetStock(string id, string sku, CancellationToken cancellationToken)
    {
        var level = await stock.GetStockAsync(id, sku, cancellationToken);
        ETags.Set(HttpContext, level.Version);
        return StockLevelResponse.Of(level);
    }

    /// <summary>
    /// Sets the absolute on-hand count. Changing an existing level needs If-Match with its ETag (a
    /// stale one is 412, none is 428); the first count of a SKU here needs none.
    /// </summary>
    /// <param name="id">The location id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="ifMatch">The level's ETag as you read it (<c>"v3"</c>).</param>
    /// <param name="request">The on-hand count.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPut("{id}/stock/{sku}", Name = "SetStockLevel")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [ProblemResponses(409, 412, 422, 428)]
    [ProducesResponseType<StockLevelResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<StockLevelResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> SetStock(string id, string sku, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch, SetStockRequest request,
        CancellationToken cancellationToken)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(sku, SkuFormat.Pattern))
        {
            throw Core.Common.DomainException.Invalid("sku", SkuFormat.Message);
        }
        var (level, created) = await stock.SetAsync(id, sku, request.OnHand,
            version => { if (version is { } current) ETags.CheckIfMatch(HttpContext, current, required: true); }, cancellationToken);
        ETags.Set(HttpContext, level.Version);
        var body = StockLevelResponse.Of(level);
        return created ? Created(Url.Link("GetStockLevel", new { id, sku, version = RouteData.Values["version"] }), body) : Ok(body);
    }

    /// <summary>Sets the level's low-stock threshold: falling below it records an <c>inventory.low_stock</c> event (push it with a webhook).</summary>
    [HttpPut("{id}/stock/{sku}/low-stock-threshold", Name = "SetLowStockThreshold")]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    public async Task<StockLevelResponse> SetThreshold(string id, string sku, LowStockThresholdRequest request, CancellationToken cancellationToken) =>
        StockLevelResponse.Of(await stock.SetThresholdAsync(id, sku, request.Threshold, cancellationToken));
}

/// <summary>Relative stock changes and the change feed.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/inventory")]
[Tags("Inventory")]
public sealed class StockChangesController(StockLevels stock, BulkStockRows bulk, StockChangeFeed feed) : ControllerBase
{
    /// <summary>
    /// Adds or removes units with a reason. Concurrent adjustments never lose an update; one that
    /// would take available below zero changes nothing (409 <c>insufficient_stock</c>). Needs an Idempotency-Key.
    /// </summary>
    [HttpPost("adjustments", Name = "AdjustStock")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [Idempotent]
    [ProblemResponses(409, 422)]
    public async Task<StockLevelResponse> Adjust(StockAdjustmentRequest request, CancellationToken cancellationToken)
    {
        var level = await stock.AdjustAsync(request, cancellationToken);
        ETags.Set(HttpContext, level.Version);
        return StockLevelResponse.Of(level);
    }

    /// <summary>
    /// Sets or adjusts up to 5,000 stock levels in one request, atomically: all rows apply, or none
    /// and the answer names every bad row. Needs an Idempotency-Key.
    /// </summary>
    [HttpPost("bulk", Name = "BulkSetStock")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [Idempotent]
    [ProblemResponses(409, 422)]
    public Task<BulkStockResponse> Bulk(BulkStockRequest request, CancellationToken cancellationToken) =>
        bulk.BulkAsync(request.Rows, cancellationToken);

    /// <summary>
    /// Starts a large stock sync: up to 1,000,000 rows as JSON lines (<c>application/x-ndjson</c>, one
    /// row object per line) or CSV (<c>text/csv</c>, a header naming locationId, sku and any of onHand,
    /// delta, reason; no quoted values). Answers 202 with the import to poll; rows apply in the
    /// background, 5,000 lines per transaction; bad rows are reported by line, good ones apply.
    /// </summary>
    [HttpPost("imports", Name = "CreateStockImport")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [Idempotent]
    [Consumes("application/x-ndjson", "text/csv")]
    [RequestSizeLimit(ContractLimits.StockImportBytes)]
    [ProblemResponses(413, 415, 422)]
    [ProducesResponseType<StockImportResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Import([FromServices] StockImports imports, CancellationToken cancellationToken)
    {
        var format = Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true ? StockImports.CsvFormat : StockImports.NdjsonFormat;
        var import = await imports.CreateAsync(HttpContext.RequirePartnerCaller(), format, Request.Body, cancellationToken);
        return Accepted(Url.Link("GetStockImport", new { id = import.Id, version = RouteData.Values["version"] }), StockImportResponse.Of(import));
    }

    /// <summary>An import's progress, counts and the first 1,000 refused rows with their line numbers.</summary>
    [HttpGet("imports/{id}", Name = "GetStockImport")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<StockImportResponse> GetImport(string id, [FromServices] StockImports imports, CancellationToken cancellationToken) =>
        StockImportResponse.Of(await imports.GetAsync(id, cancellationToken));

    /// <summary>
    /// Every change to your stock, in the order it was committed, resumable from <c>cursor</c>:
    /// apply them in order and your copy equals ours. Kept 30 days, like the event log.
    /// </summary>
    [HttpGet("changes", Name = "ListStockChanges")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<Page<StockChangeResponse>> Changes([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await feed.ChangesAsync(page, cancellationToken)).ToPage(page, HttpContext, Application.Events.EventLog.CursorOf, StockChangeFeed.ChangeOf);
}
