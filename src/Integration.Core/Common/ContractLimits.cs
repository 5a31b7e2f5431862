namespace Integration.Core.Common;

/// <summary>
/// The limits a partner meets, in one place. The request contracts' validation attributes read them (and Swashbuckle
/// turns those attributes into maxLength / minimum / maximum / maxItems in the OpenAPI documents), the database
/// columns and the controllers' own checks read them too, and docs/limits.md lists them.
/// </summary>
public static class ContractLimits
{
    /// <summary>Ids we issue (<c>ord_…</c>, <c>loc_…</c>) and ids a partner quotes back.</summary>
    public const int Id = 40;

    /// <summary>Names of products, partners, locations, credentials, activities and ship-to lines.</summary>
    public const int Name = 200;

    /// <summary>A partner's own order reference.</summary>
    public const int Reference = 64;

    public const int DisputeReason = 1000;
    public const int Address = 500;
    public const int Description = 500;
    public const int RejectionReason = 500;
    public const int Note = 200;
    public const int Url = 2048;
    public const int City = 100;
    public const int PostalCode = 20;
    public const int Phone = 40;
    public const int Carrier = 100;
    public const int TrackingNumber = 100;
    public const int BusinessLicenceNumber = 64;

    /// <summary>A partner's own id of one of its customers.</summary>
    public const int CustomerExternalId = 64;

    /// <summary>Customers in one bulk upsert.</summary>
    public const int BulkCustomerRows = 5_000;

    /// <summary>One bulk upsert of customers, in bytes: 5,000 rows with every field long.</summary>
    public const int BulkCustomerBytes = 16 * 1024 * 1024;

    /// <summary>A customer's phone number, as the partner writes it.</summary>
    public const int CustomerPhone = 24;

    /// <summary>A customer's name.</summary>
    public const int PersonName = 100;

    /// <summary>Where a consent was given (<c>pos:store-12</c>).</summary>
    public const int ConsentSource = 64;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int Email = 254;

    /// <summary>Contacts of one application, and regions applied for.</summary>
    public const int Contacts = 5;
    public const int Regions = 20;

    /// <summary>A public application's body, in bytes: the endpoint takes no credential, so it cannot be a way to fill the disk.</summary>
    public const int ApplicationBytes = 16 * 1024;

    /// <summary>One qualification document upload, in bytes: the 10 MB document and the multipart framing around it.</summary>
    public const int DocumentUploadBytes = 10 * 1024 * 1024 + 64 * 1024;

    /// <summary>CN, CN-SH or CN-SH-PD: two letters and up to two parts of one to three.</summary>
    public const int RegionCode = 10;

    public const int CountryCode = 2;
    public const int CurrencyCode = 3;

    /// <summary>A month, YYYY-MM.</summary>
    public const int Period = 7;

    /// <summary>An ISO 8601 duration such as <c>P1W2DT3H</c>.</summary>
    public const int Duration = 44;

    /// <summary>The longest ISO 8601 timestamp we read or write: <c>2026-12-06T21:04:32.1234567+00:00</c>.</summary>
    public const int Timestamp = 33;

    /// <summary>An ISO 8601 date, <c>2026-12-06</c>.</summary>
    public const int Date = 10;

    public const int IdempotencyKey = 255;

    /// <summary>An <c>If-Match</c> header: one or a few of our ETags (<c>"v3"</c>).</summary>
    public const int IfMatch = 255;
    public const int Cursor = 512;

    /// <summary>Items per page of a list (<c>?limit=</c>).</summary>
    public const int PageSize = 100;

    public const int OrderLines = 500;

    /// <summary>Units on one order line.</summary>
    public const int Quantity = 100_000;

    /// <summary>Units of one SKU at one location (and of the brand's own stock); also the largest stock change.</summary>
    public const int Stock = 10_000_000;

    /// <summary>Units moved by one transfer between partners.</summary>
    public const int TransferQuantity = 1_000_000;

    public const int BulkStockRows = 5_000;

    /// <summary>Rows of one bulk activity report call (<c>POST /v1/activity-reports</c>).</summary>
    public const int ActivityReportRows = 1_000;

    /// <summary>Events of one bulk promotional event call.</summary>
    public const int PromotionEventRows = 500;

    /// <summary>Outlets one promotional event runs at.</summary>
    public const int OutletsPerEvent = 50;

    /// <summary>People through one outlet's door in one day (footfall; conversions are at most as many).</summary>
    public const int DailyFootfall = 1_000_000;

    /// <summary>An outlet's floor area in square metres.</summary>
    public const int OutletArea = 1_000_000;

    /// <summary>The most money one request states: a payment, a disputed amount, a dispute's adjustment (either way).</summary>
    public const long Amount = 1_000_000_000_000;

    /// <summary>The largest approved cost of one marketing activity.</summary>
    public const long ActivityCost = 1_000_000_000;

    /// <summary>One stock import upload (NDJSON or CSV), in bytes.</summary>
    public const int StockImportBytes = 256 * 1024 * 1024;
    public const int SharedWithPartners = 100;
    public const int WebhookEventTypes = 50;

    /// <summary>A scope or event type name.</summary>
    public const int Token = 64;

    /// <summary>Scopes on one credential.</summary>
    public const int Scopes = 20;

    /// <summary>Event types named in one <c>?types=</c> filter.</summary>
    public const int EventTypeFilters = 50;

    /// <summary>
    /// Strings we write ourselves (messages, problem details, descriptions, URLs we build) that no narrower limit
    /// covers: the ceiling partners' generated clients and validators may rely on, as Stripe's document does.
    /// </summary>
    public const int Text = 5_000;

    /// <summary>Lists inside one answer that no narrower limit covers (statement lines, a dispute's history).</summary>
    public const int Items = 1_000;
}
