using System.Net;
using System.Net.Http.Json;
using System.Text;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Inventory;
using Integration.Api.Tests.Webhooks;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// The platform on real Kestrel (so the body-size limit applies, as in production) with one object of each kind
/// for the cases to aim at: the owner partner's location, stock, order, webhook and a transfer another partner
/// asked for; a sandbox tenant's own; and a bystander partner and credential that admin cases may change freely.
/// </summary>
public sealed class FuzzPlatform : PlatformFactory
{
    public const string WebhookUrl = "http://127.0.0.1:9/fuzz";

    public FuzzPlatform()
    {
        UseKestrel(0);
    }

    public FuzzWorld World { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var sku = await this.CreateProductAsync(100m);
        await this.SetBrandStockAsync(sku, 1_000_000, "live");
        await this.SetBrandStockAsync(sku, 1_000_000, "sandbox");
        var partner = await NewPartnerSessionAsync("live");
        var other = await NewPartnerSessionAsync("live");
        var sandbox = await NewPartnerSessionAsync("sandbox");
        var bystander = await CreatePartnerAsync();
        var bystanderCredential = await IssueCredentialAsync(bystander, "sandbox");

        var shared = await partner.CreateLocationAsync(extra: new { name = "Fuzz DC", type = "warehouse", regionCode = "CN-SH", sharing = "all_partners" });
        (await partner.AdjustAsync(shared, sku, 10_000)).EnsureSuccessStatusCode();
        var order = await partner.PlaceOrderAsync((sku, 1));
        var (webhook, _) = await partner.SubscribeAsync(WebhookUrl);
        var (spareWebhook, _) = await partner.SubscribeAsync(WebhookUrl);
        var destination = await other.CreateLocationAsync("CN-BJ");
        var transfer = await RequestTransferAsync(other, shared, destination, sku);
        var import = await ImportAsync(partner, shared, sku);

        var sandboxLocation = await sandbox.CreateLocationAsync();
        (await sandbox.AdjustAsync(sandboxLocation, sku, 10_000)).EnsureSuccessStatusCode();
        var sandboxOrder = await sandbox.PlaceOrderAsync((sku, 1));
        var snapshot = await (await sandbox.Client.PostAsJsonAsync("/v2/sandbox/snapshots", new { name = "fuzz" })).ReadJsonAsync(HttpStatusCode.Created);
        var simulators = (await (await sandbox.Client.GetAsync("/v2/sandbox")).ReadJsonAsync(HttpStatusCode.OK))["simulators"]!.AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).ToArray();

        string[] orders = [order["id"]!.GetValue<string>(), sandboxOrder["id"]!.GetValue<string>()];
        string[] locations = [shared, sandboxLocation];
        string[] periods = [Clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "2026-01"];
        var known = new Dictionary<string, string[]>
        {
            ["orders"] = orders, ["orderId"] = orders,
            ["locations"] = locations, ["locationId"] = locations, ["fromLocationId"] = locations, ["toLocationId"] = [destination],
            ["sku"] = [sku], ["products"] = [sku], ["stock"] = [sku],
            ["webhooks"] = [webhook, spareWebhook],
            ["transfers"] = [transfer],
            ["imports"] = [import],
            ["snapshots"] = [snapshot["id"]!.GetValue<string>()],
            ["simulators"] = simulators,
            ["credentials"] = [bystanderCredential.Id],
            ["partners"] = [bystander], ["partnerId"] = [bystander],
            ["settlements"] = periods, ["period"] = periods,
            ["environment"] = ["live", "sandbox"], ["brand-stock"] = ["live", "sandbox"],
            ["url"] = [WebhookUrl],
            ["eventTypes"] = ["order.created", "order.status_changed"], ["types"] = ["order.created"],
            ["regionCode"] = ["CN-SH"], ["region"] = ["CN-SH"], ["country"] = ["CN"], ["currency"] = ["CNY"],
            ["amount"] = ["10.00"], ["rate"] = ["0.10"], ["discountRate"] = ["0.10"],
            ["by"] = ["PT1H"],
            ["email"] = ["li.wei@example.com"], ["regions"] = ["CN-SH"],
        };
        var clients = new Dictionary<FuzzCaller, HttpClient>
        {
            [FuzzCaller.Partner] = partner.Client,
            [FuzzCaller.OtherPartner] = other.Client,
            [FuzzCaller.Sandbox] = sandbox.Client,
            [FuzzCaller.Admin] = await AdminClientAsync(),
            [FuzzCaller.Anonymous] = CreateClient(),
        };
        // Callers with a credential also come through a sign-up site: the public application endpoints need its key
        // (the anonymous caller has none, so it meets their 401); every other endpoint ignores the header.
        foreach (var client in clients.Where(c => c.Key != FuzzCaller.Anonymous).Select(c => c.Value))
        {
            client.DefaultRequestHeaders.Add("X-Application-Key", ApplicationKey);
        }
        World = new FuzzWorld(clients, known);
    }

    private static async Task<string> RequestTransferAsync(PartnerSession requester, string from, string to, string sku)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/transfers")
        {
            Content = JsonContent.Create(new { fromLocationId = from, toLocationId = to, sku, quantity = 1 }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await (await requester.Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private static async Task<string> ImportAsync(PartnerSession session, string location, string sku)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/imports")
        {
            Content = new StringContent($$"""{"locationId":"{{location}}","sku":"{{sku}}","onHand":5}""", Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await (await session.Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Accepted))["id"]!.GetValue<string>();
    }
}
