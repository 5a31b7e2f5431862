using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Customers;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Customers;

/// <summary>
/// Your end customers (the CRM channel), addressed by your own id for each. Personal data is encrypted at rest and
/// read masked with <c>customers:read</c>, whole with <c>customers:pii:read</c> as well (docs/customers.md).
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/customers")]
[Tags("Customers")]
public sealed class CustomersController(CustomerBook customers) : ControllerBase
{
    private const string ExternalIdMessage = "The customer id is 1 to 64 printable ASCII characters without spaces.";

    /// <summary>
    /// Creates the customer under your id for it, or replaces it whole (a field left out is cleared): 201 when created,
    /// 200 when replaced. If-Match is optional; when sent, a stale ETag is 412. Consents are added to its history.
    /// </summary>
    /// <param name="externalId">Your own id for the customer (it may be a phone number: it is never logged).</param>
    /// <param name="ifMatch">The customer's ETag as you last read it (<c>"v3"</c>); optional.</param>
    /// <param name="request">The customer.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPut("{externalId}", Name = "UpsertCustomer")]
    [PartnerAccess(ApiScopes.CustomersWrite)]
    [ProblemResponses(409, 412)]
    [ProducesResponseType<CustomerResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<CustomerResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Upsert(
        [StringLength(ContractLimits.CustomerExternalId), RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = ExternalIdMessage)] string externalId,
        [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch, CustomerRequest request, CancellationToken cancellationToken)
    {
        var (view, created) = await customers.UpsertAsync(HttpContext.RequirePartnerCaller(), externalId, request,
            version => ETags.CheckIfMatch(HttpContext, version, required: false), cancellationToken);
        ETags.Set(HttpContext, view.Customer.Version);
        var body = view.Response(SeesWhole());
        return created ? Created(Url.Link("GetCustomer", new { externalId, version = RouteData.Values["version"] }), body) : Ok(body);
    }

    /// <summary>Reads one customer by your id for it; an erased customer is 404.</summary>
    [HttpGet("{externalId}", Name = "GetCustomer")]
    [PartnerAccess(ApiScopes.CustomersRead)]
    public async Task<CustomerResponse> Get(
        [StringLength(ContractLimits.CustomerExternalId), RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = ExternalIdMessage)] string externalId,
        CancellationToken cancellationToken)
    {
        var view = await customers.GetAsync(externalId, cancellationToken);
        ETags.Set(HttpContext, view.Customer.Version);
        return view.Response(SeesWhole());
    }

    /// <summary>Lists your customers in this environment, oldest first (erased ones are gone).</summary>
    [HttpGet(Name = "ListCustomers")]
    [PartnerAccess(ApiScopes.CustomersRead)]
    public async Task<Page<CustomerResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var whole = SeesWhole();
        return (await customers.ListAsync(page, cancellationToken)).ToPage(page, HttpContext, CustomerBook.CursorOf, v => v.Response(whole));
    }

    /// <summary>Every consent statement recorded for the customer (granted or withdrawn, when, where), oldest first.</summary>
    [HttpGet("{externalId}/consents", Name = "ListCustomerConsents")]
    [PartnerAccess(ApiScopes.CustomersRead)]
    public async Task<Page<ConsentResponse>> Consents(
        [StringLength(ContractLimits.CustomerExternalId), RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = ExternalIdMessage)] string externalId,
        [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await customers.ConsentHistoryAsync(externalId, page, cancellationToken)).ToPage(page, HttpContext, CustomerBook.CursorOf, ConsentResponse.Of);

    /// <summary>
    /// Erases the customer for good: its personal data and consents are deleted (not hidden), your id for it is
    /// released (and cleared on its orders), and its purchases stay, anonymous, so your KPIs do not change. 204.
    /// </summary>
    [HttpDelete("{externalId}", Name = "EraseCustomer")]
    [PartnerAccess(ApiScopes.CustomersWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Erase(
        [StringLength(ContractLimits.CustomerExternalId), RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = ExternalIdMessage)] string externalId,
        CancellationToken cancellationToken)
    {
        await customers.EraseAsync(externalId, cancellationToken);
        return NoContent();
    }

    /// <summary>
    /// Creates or replaces up to 5,000 customers in one request. Each row stands alone: the answer gives every row's
    /// outcome by index (created, updated, or rejected with the fields and reasons) and the good rows are kept.
    /// </summary>
    [HttpPost("bulk", Name = "BulkUpsertCustomers")]
    [PartnerAccess(ApiScopes.CustomersWrite)]
    [Idempotent(required: false)]
    [RequestSizeLimit(ContractLimits.BulkCustomerBytes)]
    [ProblemResponses(409, 413)]
    public Task<BulkCustomersResponse> Bulk(
        BulkCustomersRequest request, [FromServices] Microsoft.Extensions.Options.IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        customers.BulkUpsertAsync(HttpContext.RequirePartnerCaller(), request.Rows, json.Value.JsonSerializerOptions, cancellationToken);

    /// <summary>
    /// Every change of your customers (created, updated, erased) in commit order, resumable from <c>cursor</c>: sync your
    /// CRM incrementally. Changes carry no personal data. Kept 30 days, like the event log.
    /// </summary>
    [HttpGet("changes", Name = "ListCustomerChanges")]
    [PartnerAccess(ApiScopes.CustomersRead)]
    public async Task<Page<CustomerChangeResponse>> Changes([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await customers.ChangesAsync(page, cancellationToken)).ToPage(page, HttpContext, CustomerBook.CursorOf, c => c);

    private bool SeesWhole() => HttpContext.RequirePartnerCaller().Scopes.Contains(ApiScopes.CustomersPiiRead);
}
