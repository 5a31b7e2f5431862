using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Integration.Core.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Describes every member of the contract: a member documented in the code keeps its own words; the
/// rest take the glossary's meaning of their name, which is the same wherever the name appears
/// (an <c>id</c>, a <c>createdAt</c>, a <c>nextCursor</c>…). Enums list their values, and each value's
/// meaning goes to <c>x-enumDescriptions</c> so generated clients document the members too.
/// </summary>
public sealed class ContractGlossary : ISchemaFilter
{
    private static readonly Dictionary<string, string> Members = new(StringComparer.Ordinal)
    {
        ["action"] = "What was done (e.g. `credential.issued`).",
        ["active"] = "Whether the product can be ordered.",
        ["actor"] = "Who did it: `partner:<client id>`, `brand`, `system`, or an internal client id.",
        ["address"] = "Street address, free text.",
        ["agreement"] = "The partner's agreement values.",
        ["amount"] = "A decimal amount as a string, two decimals (e.g. `\"149.99\"`): never a binary floating-point number.",
        ["annualPurchaseCommitment"] = "The yearly purchase the partner committed to, in the currency.",
        ["annualTarget"] = "The yearly sales target, in the currency.",
        ["attempt"] = "Which attempt this was for the event: 1 for the first.",
        ["attemptedAt"] = "When the attempt was made (UTC).",
        ["available"] = "On hand minus reserved: what can still be ordered or transferred. Never negative.",
        ["businessLicenceNumber"] = "The partner's business licence number.",
        ["cancelledAt"] = "When the order was cancelled (UTC); null if it was not.",
        ["carrier"] = "The carrier that ships the order; set when it ships.",
        ["change"] = "What changed the level: `set`, an adjustment reason, or a transfer step (`transfer_reserve`, `transfer_release`, `transfer_ship_out`, `transfer_receive`).",
        ["city"] = "City.",
        ["clientId"] = "The credential's client id (`sbx_…`, `live_…`, `adm_…`).",
        ["clientSecret"] = "The credential's secret; shown once, when issued or rotated.",
        ["confirmedAt"] = "When the brand confirmed the order (UTC); null until then.",
        ["cooperationMode"] = "How the partner works with the brand.",
        ["country"] = "ISO 3166-1 alpha-2 country code.",
        ["createdAt"] = "When it was created (UTC, ISO 8601).",
        ["credential"] = "The credential.",
        ["creditRating"] = "The partner's credit rating: A, B or C (C pays before the brand confirms).",
        ["currency"] = "ISO 4217 currency code, e.g. `CNY`.",
        ["data"] = "The items of this page, or the event's own data.",
        ["displayName"] = "The person's name as the console and the portal show it.",
        ["lastUsedAt"] = "When the credential last called the API (UTC), from the request log; null when it has not in the 30 days the log keeps.",
        ["decidedAt"] = "When the transfer was accepted, rejected or expired (UTC); null while requested.",
        ["deliveredAt"] = "When the order was delivered (UTC); null until then.",
        ["delta"] = "Units added (positive) or removed (negative) by the change; null for absolute sets.",
        ["description"] = "Your own description, free text.",
        ["detail"] = "What went wrong this time, for a developer to read.",
        ["details"] = "Details of the action.",
        ["disabledReason"] = "Why the subscription is disabled (the last error, or that you disabled it); null while enabled.",
        ["discountRate"] = "The discount applied, as a decimal fraction string (e.g. `\"0.25\"`).",
        ["effectiveDiscountRate"] = "The discount the partner's orders get: the agreement's, or the tier default.",
        ["entriesChecked"] = "How many audit entries were checked.",
        ["entryId"] = "The audit entry's id; null when the entry is missing from the end of the chain.",
        ["environment"] = "`live` or `sandbox`: the data world this belongs to.",
        ["error"] = "Why the attempt failed; null when it succeeded.",
        ["errors"] = "Field (as you sent it) → what is wrong with it.",
        ["eventId"] = "The delivered event's id (the `webhook-id` header).",
        ["eventType"] = "The delivered event's type.",
        ["eventTypes"] = "The event types the subscription receives.",
        ["exitDate"] = "When the partner leaves the channel.",
        ["expiresAt"] = "When it expires (UTC).",
        ["failedAttempts"] = "Failed attempts at the event the subscription is stuck on; 0 when healthy.",
        ["firstBrokenEntry"] = "The first audit entry that was changed, removed or reordered, or the first one missing after a signed checkpoint, with the reason in plain words; null when the chain is intact.",
        ["from"] = "The status before the change; null for the first.",
        ["fromLocationId"] = "The location the units come from (the owner's).",
        ["format"] = "How the upload was written: `ndjson` (JSON lines) or `csv`.",
        ["keyId"] = "The audit chain key the entry or checkpoint was signed with (`Audit:ChainKeys`); null for entries written before the chain was keyed.",
        ["latestCheckpoint"] = "The latest signed checkpoint the audit entries agree with; null when none was checked.",
        ["mac"] = "HMAC-SHA256 over the checkpoint's sequence, head hash, time and key id.",
        ["signedAt"] = "When the checkpoint was signed (UTC).",
        ["totalRows"] = "Rows in the upload (blank lines are not rows).",
        ["processedRows"] = "Rows checked so far, applied or refused.",
        ["appliedRows"] = "Rows applied so far.",
        ["failedRows"] = "Rows refused so far; the first 1,000 are in `errors`.",
        ["progress"] = "Processed rows as a fraction of all rows, from 0 to 1.",
        ["startedAt"] = "When work on it began (UTC); null while queued.",
        ["completedAt"] = "When it finished (UTC); null until then.",
        ["line"] = "The line in the upload (a CSV header is line 1).",
        ["hash"] = "This entry's MAC (HMAC-SHA256 under `keyId` over its content and the previous hash); plain SHA-256 for entries written before the chain was keyed.",
        ["headHash"] = "The hash of the last audit entry at the checkpoint's sequence.",
        ["id"] = "The resource's id: opaque, with a type prefix (`ord_…`, `loc_…`, `evt_…`).",
        ["instance"] = "The request path that failed.",
        ["kind"] = "`partner` or `internal`.",
        ["lastHandledSequence"] = "The last event sequence number delivered (or skipped as not subscribed).",
        ["latencyMs"] = "How long the attempt took, in milliseconds.",
        ["line1"] = "First address line.",
        ["line2"] = "Second address line.",
        ["lineCount"] = "How many lines the order has.",
        ["lineNumber"] = "The line's position in the order, from 1.",
        ["lineTotal"] = "Unit price × quantity.",
        ["lines"] = "The lines: of the order, or of the statement.",
        ["listPrice"] = "The brand's list price per unit, before discount.",
        ["locationId"] = "The location's id (`loc_…`).",
        ["lowStockThreshold"] = "When available falls below this, an `inventory.low_stock` event is recorded; null when not set.",
        ["name"] = "The name.",
        ["nextAttemptAt"] = "When the next delivery attempt is due (UTC); null when nothing is failing.",
        ["nextCursor"] = "Pass as `cursor` to get the next page; null on the last page.",
        ["note"] = "Your note, kept with the change.",
        ["occurredAt"] = "When it happened (UTC).",
        ["onHand"] = "Units physically at the location.",
        ["orderId"] = "The order's id (`ord_…`).",
        ["outcome"] = "The result.",
        ["paidAt"] = "When it was paid (UTC): an order's prepayment, a payout, or a statement's whole payout; null until then.",
        ["parentPartnerId"] = "The regional distributor a sub-distributor belongs to; null otherwise.",
        ["partnerId"] = "The partner's id (`ptn_…`).",
        ["passwordSet"] = "Whether the person has chosen their password (through the e-mailed link, or at sign-up).",
        ["phone"] = "Phone number, free text.",
        ["postalCode"] = "Postal code.",
        ["previousHash"] = "The previous entry's hash.",
        ["previousSecretExpiresAt"] = "Until when the secret before the last rotation still signs; null when no rotation is in its overlap.",
        ["role"] = "The person's partner role: `owner` (everything, users too), `developer` (credentials, webhooks, sandbox, request log), `finance` (statements, disputes) or `viewer`.",
        ["qualification"] = "The partner's qualification.",
        ["qualificationVerifiedOn"] = "When the brand verified the qualification.",
        ["qualified"] = "Whether the qualification is verified (live credentials need it).",
        ["quantity"] = "Whole units.",
        ["rate"] = "A decimal fraction as a string (e.g. `\"0.25\"`).",
        ["reason"] = "Why: an adjustment reason, or your reason for a rejection.",
        ["reference"] = "Your own reference, unique per partner and environment.",
        ["regionCode"] = "Region code: country, province or city, e.g. `CN`, `CN-SH`, `CN-SH-PD`.",
        ["rejectionReason"] = "Why the owner rejected the transfer; null otherwise.",
        ["requestedAt"] = "When the transfer was requested (UTC).",
        ["reserved"] = "Units set aside for confirmed orders or requested transfers.",
        ["returnedAt"] = "When the order was returned (UTC); null if it was not.",
        ["revokedAt"] = "When the credential was revoked (UTC); null while active.",
        ["rotatedAt"] = "When the secret was last rotated (UTC).",
        ["rows"] = "The rows to apply.",
        ["scopes"] = "The OAuth scopes granted.",
        ["secret"] = "The signing secret (`whsec_…`): shown once, here.",
        ["sequence"] = "The event's number in your event log for this environment: 1, 2, 3… without gaps.",
        ["sharedWith"] = "With sharing `named`: the partner ids that may see this location.",
        ["sharing"] = "Who may see this location's available stock.",
        ["shipTo"] = "Where to ship; null when the order is collected.",
        ["shippedAt"] = "When the order shipped (UTC); null until then.",
        ["sku"] = "The product's SKU (upper case).",
        ["status"] = "The current status, or an HTTP status code in problem details.",
        ["statusCode"] = "The HTTP status your endpoint answered; null when no answer arrived.",
        ["succeeded"] = "Whether the endpoint answered 2xx in time.",
        ["target"] = "What the action was done to.",
        ["tier"] = "The partner's tier: basic, advanced or strategic.",
        ["title"] = "A short, fixed summary of the problem type.",
        ["to"] = "The status after the change.",
        ["toLocationId"] = "The location the units go to (the requester's).",
        ["total"] = "The amount to pay: the sum of the line totals.",
        ["trackingNumber"] = "The carrier's tracking number; set when the order ships.",
        ["type"] = "The kind: an event type, a location type, or the problem type URI.",
        ["unitPrice"] = "The price per unit after your discount, rounded half away from zero to the cent.",
        ["updatedAt"] = "When it last changed (UTC).",
        ["url"] = "The HTTPS address events are posted to.",
        ["valid"] = "Whether the audit chain is intact.",
        ["verifiedFromSequence"] = "The audit entry the chain was verified after: the pruning anchor, or 0 when nothing was pruned.",
        ["verifiedOn"] = "When it was verified.",
        ["version"] = "Grows by one with every change; the ETag is `\"v{version}\"`.",
        ["webhook"] = "The subscription.",
        ["period"] = "The settlement month, `YYYY-MM` (a calendar month in UTC).",
        ["dueDate"] = "When an amount you owe must be paid: the month's last day plus your rating's term (A 60, B 30, C 7 days); null when you owe nothing.",
        ["deliveredOrders"] = "Orders delivered in the month.",
        ["returnedOrders"] = "Orders returned in the month.",
        ["payouts"] = "Payments of the balance to you: the statement's payout and any amounts disputes held back.",
        ["closedAt"] = "When the month closed and the statement became final (UTC); null while open.",
        ["settledAt"] = "When nothing was left to pay either way (UTC); null until then.",
        ["number"] = "The line's position on the statement, from 1.",
        ["sourceId"] = "The activity subsidy or dispute a line comes from; null for lines computed from orders.",
        ["orderCount"] = "How many orders (deliveries and returns) the line is computed from; null for other lines.",
        ["ordersUrl"] = "Where to page through the orders behind the line; null for lines not computed from orders.",
        ["disputeId"] = "The dispute holding this amount back; null for the statement's own payout.",
        ["statementId"] = "The statement's id (`stm_…`).",
        ["statementLineId"] = "The statement line's id (`stl_…`).",
        ["level"] = "The dispute's level by amount: 1 (< 50,000), 2 (50,000–500,000), 3 (> 500,000; freezes the account while open).",
        ["slaDeadline"] = "Level 1: when the dispute must be resolved by (48 hours after opening); null for other levels.",
        ["slaBreached"] = "Whether the dispute was resolved late or is still open past its deadline.",
        ["freezesAccount"] = "Whether this open level-3 dispute freezes your account in this environment.",
        ["resolution"] = "How the brand resolved the dispute; null while open.",
        ["openedAt"] = "When the dispute was opened (UTC).",
        ["resolvedAt"] = "When the dispute was resolved (UTC); null while open.",
        ["history"] = "What happened to the dispute, oldest first.",
        ["at"] = "When it happened (UTC).",
        ["accepted"] = "How many rows were accepted and stored.",
        ["actualEnd"] = "The day the event actually ended; null until you report it.",
        ["actualStart"] = "The day the event actually started; null until you report it.",
        ["areaSquareMetres"] = "Sales floor area in square metres, two decimals.",
        ["asOf"] = "When the figures were read (UTC); they include every delivery and return committed before it.",
        ["closedOn"] = "The day the outlet closed (it is not open from that day); null while open.",
        ["consents"] = "The customer's current consents, one per purpose, with when and where each was given or withdrawn.",
        ["conversionRate"] = "Conversions / footfall of the period, rounded to four decimals; null when no footfall was reported.",
        ["conversions"] = "Visitors who bought, as reported.",
        ["created"] = "How many rows created a new record.",
        ["customerExternalId"] = "Your own id of the customer who bought; null when the order names none or the customer was erased.",
        ["customerId"] = "The platform's id of the customer (`cus_…`); it stays after an erasure, when your own id is gone.",
        ["customers"] = "Customers with a delivered order in the period.",
        ["day"] = "A calendar day (UTC; in the sandbox, on the sandbox clock).",
        ["definitions"] = "Each KPI's name → the section of the insights guide that defines it (formula, rounding, example).",
        ["email"] = "E-mail address. A customer read with only `customers:read` shows it masked (`z***@example.com`).",
        ["end"] = "The last day, included.",
        ["endedOnTime"] = "Whether the event ended on or before its planned end.",
        ["endsOn"] = "The period's last day, included.",
        ["events"] = "Promotional events: in a bulk request, the ones to create; in KPIs, those that ended in the period, with their sales and ROI.",
        ["eventsEnded"] = "Promotional events whose actual end is in the period.",
        ["eventsOnTime"] = "Of those, the ones that ended on or before their planned end.",
        ["externalId"] = "Your own id of the customer; null once the customer is erased.",
        ["field"] = "The field at fault, named as you sent it (e.g. `rows[3].phone`).",
        ["footfall"] = "Visitors counted, as reported.",
        ["granted"] = "Whether the consent is given (true) or withdrawn (false).",
        ["growth"] = "(Net sales − the previous period's) / the previous period's, rounded to four decimals; null when the previous period had none.",
        ["growthYearOnYear"] = "The same against the same period one year earlier; null when that period had no net sales.",
        ["index"] = "The row's position in the request, counting from 0.",
        ["inventoryTurnover"] = "Units delivered / average units on hand over the period's daily snapshots, rounded to four decimals; null when nothing was on hand.",
        ["monthlyFootfallPerOutlet"] = "The quarter's footfall per outlet and month (average), the grade's first measure.",
        ["newCustomers"] = "Customers whose first delivered order is in the period.",
        ["onTimeActivityRate"] = "Events ended on time / events ended in the period, rounded to four decimals; null when none ended.",
        ["openedOn"] = "The day the outlet opened.",
        ["orders"] = "Orders delivered in the period.",
        ["outletId"] = "The outlet (`out_…`).",
        ["outletIds"] = "The outlets where the event runs.",
        ["outlets"] = "Outlets open on the period's last day.",
        ["periods"] = "The periods, oldest first.",
        ["personalData"] = "How personal data is shown: `masked` (scope `customers:read`) or `whole` (scope `customers:pii:read`).",
        ["plannedEnd"] = "The day the event is planned to end.",
        ["plannedStart"] = "The day the event is planned to start.",
        ["publishedAt"] = "When it was published (UTC).",
        ["purpose"] = "What the consent is for.",
        ["quarter"] = "A calendar quarter, `2026-Q1`.",
        ["recordedAt"] = "When the platform recorded it (UTC).",
        ["regionsCovered"] = "Distinct city-level region codes among those outlets.",
        ["rejected"] = "How many rows were refused; each is in the results with its reason.",
        ["repeatCustomers"] = "Customers of the period with at least two delivered orders up to its end.",
        ["reportedAt"] = "When you reported it (UTC).",
        ["reports"] = "The daily reports: one per outlet and day.",
        ["repurchaseRate"] = "Repeat customers / customers, rounded to four decimals; null when there were no customers.",
        ["results"] = "One result per row, in the order sent.",
        ["roi"] = "(Sales at the event's outlets in its window − cost) / cost, rounded to four decimals; null when the cost is zero.",
        ["sellThrough"] = "Units delivered / (units on hand at the start + units received), rounded to four decimals; null when the denominator is zero.",
        ["source"] = "Where the consent was given or withdrawn (e.g. `store_form`, `mini_program`).",
        ["start"] = "The first day, included.",
        ["startsOn"] = "The period's first day.",
        ["stockOutRate"] = "Share of your (location, SKU) pairs with nothing available at the daily 00:00 snapshot, averaged over the period's days, rounded to four decimals.",
        ["topRegions"] = "Up to 10 outlet regions by net sales in the period.",
        ["topSkus"] = "Up to 10 SKUs by net sales in the period.",
        ["units"] = "Units delivered less units returned in the period.",
        ["updated"] = "How many rows replaced an existing record.",
    };

    // The same name as a JSON number (v1 and the admin API), where the glossary's words say "string".
    private static readonly Dictionary<string, string> NumberMembers = new(StringComparer.Ordinal)
    {
        ["amount"] = "A decimal amount, two decimals at most, as a JSON number (e.g. `149.99`).",
        ["discountRate"] = "The discount, as a decimal fraction (e.g. `0.25`).",
        ["rate"] = "A decimal fraction (e.g. `0.15` for 15%).",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }
        if (context.Type.IsEnum)
        {
            DescribeEnum(concrete, context.Type);
            return;
        }
        // The component only: a member holding a problem refers to it, and a copy of its members there would be a second type.
        if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type) && context.MemberInfo is null)
        {
            DescribeProblem(concrete);
        }
        if (context.Type == typeof(Core.Orders.ShippingAddress))
        {
            concrete.Description ??= "Where an order ships."; // a Core type: its XML docs are not in the API's documentation file
        }
        foreach (var (name, property) in concrete.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is not OpenApiSchema member || !string.IsNullOrEmpty(member.Description))
            {
                continue;
            }
            if (member.Type is { } type && type.HasFlag(JsonSchemaType.Number) && NumberMembers.TryGetValue(name, out var asNumber))
            {
                member.Description = asNumber;
            }
            else if (Members.TryGetValue(name, out var meaning))
            {
                member.Description = meaning;
            }
        }
    }

    // Our problems carry `code`, `traceId` and `requestId` (docs/errors.md) and nothing undeclared.
    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description ??= "An RFC 9457 problem: every error answer. Program against `code`; quote `traceId` to support.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties.TryAdd("code", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "The stable, machine-readable error code (docs/errors.md), e.g. `insufficient_stock`.",
        });
        schema.Properties.TryAdd("traceId", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "The W3C trace id of the request (yours, when you sent `traceparent`); quote it to support.",
        });
        schema.Properties.TryAdd("requestId", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "The request id, also in the `X-Request-Id` header.",
        });
        // A business refusal about particular fields (a 422 unknown_sku) names them as a 400 does.
        schema.Properties.TryAdd("errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Field (as you sent it) → what is wrong with it; only when the refusal is about particular fields.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        });
        schema.AdditionalPropertiesAllowed = false;
        schema.AdditionalProperties = null;
    }

    private static void DescribeEnum(OpenApiSchema schema, Type type)
    {
        var values = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Wire: f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? SnakeCase.From(f.Name),
                Meaning: f.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description))
            .ToList();
        schema.Description ??= $"One of: {string.Join(", ", values.Select(v => $"`{v.Wire}`"))}.";
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enumDescriptions"] = new JsonNodeExtension(
            new System.Text.Json.Nodes.JsonArray(values.Select(v => (System.Text.Json.Nodes.JsonNode?)(v.Meaning ?? Humanize(v.Wire))).ToArray()));
    }

    private static string Humanize(string wire) => char.ToUpperInvariant(wire[0]) + wire[1..].Replace('_', ' ') + ".";
}
