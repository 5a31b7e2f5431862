using System.Globalization;
using Integration.Api.Partners;
using Integration.Application.Partners;
using Integration.Api.Orders;
using Integration.Application.Orders;
using Integration.Application.Customers;
using Integration.Api.Inventory;
using Integration.Application.Inventory;
using Integration.Api.Idempotency;
using Integration.Api.Disputes;
using Integration.Application.Disputes;
using Integration.Api.Credentials;
using Integration.Application.Credentials;
using Integration.Api.Catalog;
using Integration.Application.Catalog;
using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Api.Webhooks;
using Integration.Application.Webhooks;
using Integration.Api.ApiDocs;
using Integration.Application.Cluster;
using Integration.Api.Hosting;
using Integration.Api.Observability;
using Integration.Api.OAuth;
using Integration.Api.People;
using Integration.Api.RateLimiting;
using Integration.Api.RequestLog;
using Integration.Application.RequestLog;
using Integration.Api.Sandbox;
using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Application.Insights;
using Integration.Application.Reminders;
using Integration.Api.Versioning;
using Integration.Application.Environments;
using Integration.Sandbox.Hosting;
using Integration.Application.Onboarding;
using Integration.Application.Outlets;
using Integration.Web;

// Answers never depend on the server's locale; only the web's pages take the reader's culture (WebSetup).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

var builder = WebApplication.CreateBuilder(ApplicationDirectory.Options(args));
builder.AddTrustedProxies();
builder.AddStorage();
builder.AddCluster();
builder.AddEnvironments();
builder.AddVersionedApi();
builder.AddIdempotency();
builder.AddPartners();
builder.AddCredentials();
builder.AddCatalog();
builder.AddInventory();
builder.AddOrders();
builder.AddOutlets();
builder.AddCustomers();
builder.AddDisputes();
builder.AddOnboarding();
builder.AddAudit();
builder.AddEventsAndWebhooks();
builder.Services.AddRequestLog();
builder.AddSettlement();
builder.AddInsights();
builder.AddReminders();
builder.AddSandbox();
builder.AddPartnerAuth();
builder.AddPeople();
builder.AddWeb();
builder.AddRateLimits();
builder.AddApiDocs();
builder.AddHealth();
builder.AddTelemetry();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}
if (app.ExplainInvalidSettings() is { } invalidSettings)
{
    return invalidSettings;
}
await app.PrepareAsync();

app.UseTrustedProxies();
app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts(); // HTTPS answers only; behind a TLS edge, through ForwardedHeaders
}
app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(context => Problems.WriteForStatusAsync(context.HttpContext));
app.UseHealth();
app.UseMiddleware<Utf8BodiesOnly>();
app.UseMiddleware<QueryWithoutNul>();
app.UseMiddleware<AnonymousRequestLimitMiddleware>(); // discovery, JWKS and documents are answered before RateLimitMiddleware
app.UseMiddleware<CacheableMetadata>();
app.UseApiDocs();
app.UseRouting();
app.UseMiddleware<DeprecationHeadersMiddleware>();
app.UseMiddleware<TokenRequestLimitMiddleware>(); // before OpenIddict looks the client up
app.UseAuthentication();
if (app.Configuration.GetValue("RequestLog:Capture", true)) // off only to measure what capturing costs (docs/benchmarks.md)
{
    app.UseMiddleware<RequestLogMiddleware>(); // a revoked credential's refused calls show in the log too
}
app.UseMiddleware<CredentialRevocationMiddleware>();
app.UseMiddleware<EnvironmentHeaderMiddleware>();
app.UseMiddleware<SandboxClockMiddleware>();
app.UseMiddleware<RateLimitMiddleware>();
app.UseAuthorization();
app.UseWeb();

app.MapTokenEndpoint();
app.MapControllers();
app.MapProblemPages();
app.MapGuidePages();
app.MapWeb();

await app.RunAsync();
return 0;

public partial class Program;
