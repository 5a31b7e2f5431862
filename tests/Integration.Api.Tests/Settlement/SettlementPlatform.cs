using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Settlement;

/// <summary>
/// A platform whose clock starts at a chosen moment (months are closed by hand) and whose bank
/// gateway is a <see cref="BankGatewaySimulator"/>. One per test: each test writes its own year.
/// </summary>
public sealed class SettlementPlatform : PlatformFactory
{
    private readonly bool _isFirstInstance;

    private SettlementPlatform(DateTimeOffset start, TestDatabase? shared, BankGatewaySimulator? bank, IReadOnlyDictionary<string, string>? settings = null)
        : base(shared, start)
    {
        _isFirstInstance = bank is null;
        Bank = bank ?? new BankGatewaySimulator();
        Settings["Settlement:BankGateway:BaseUrl"] = Bank.Url;
        Settings["Settlement:BankGateway:AttemptTimeout"] = "00:00:02"; // short, yet a loaded machine answers within it
        Settings["Settlement:BankGateway:TotalTimeout"] = "00:00:05";
        Settings["Settlement:BankGateway:RetryDelay"] = "00:00:00.050";
        Settings["Settlement:PayoutMaxAttempts"] = "3";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }
    }

    public BankGatewaySimulator Bank { get; }

    /// <param name="settings">Configuration on top of the defaults above.</param>
    public static async Task<SettlementPlatform> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string>? settings = null)
    {
        var platform = new SettlementPlatform(start, null, null, settings);
        try
        {
            await platform.InitializeAsync();
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
        return platform;
    }

    /// <summary>Another instance on the same database and gateway, its clock at <paramref name="start"/>.</summary>
    public async Task<SettlementPlatform> SecondInstanceAsync(DateTimeOffset start)
    {
        var second = new SettlementPlatform(start, Database, Bank);
        await second.InitializeAsync();
        return second;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_isFirstInstance)
        {
            Bank.Dispose();
            Database.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public void MoveTo(DateTimeOffset when) => Clock.SetUtcNow(when);

    /// <summary>A live partner with every scope; a fresh token is fetched for each call, since the clock jumps months.</summary>
    /// <summary>A partner whose April statement closes with +50,000.00 (one capped subsidy), and that statement.</summary>
    public async Task<(SettlementPartner Partner, JsonNode Statement)> PositiveAprilStatementAsync()
    {
        var p = await NewPartnerAsync();
        await RecordSubsidyAsync(p.Id, 100_000m);
        MoveTo(At(2026, 5, 1, 8));
        await CloseAsync("2026-04", p.Id);
        var statement = await p.StatementAsync("2026-04");
        Assert.Equal("50000.00", statement.Amount("balance"));
        return (p, statement);
    }

    public async Task<SettlementPartner> NewPartnerAsync(string tier = "advanced", string rating = "B", decimal? annualTarget = null)
    {
        var body = PartnerBody(tier: tier, rating: rating, qualified: true);
        if (annualTarget is { } target)
        {
            body["agreement"] = new { annualTarget = target };
        }
        var partnerId = await CreatePartnerAsync(body);
        var credential = await IssueCredentialAsync(partnerId, "live");
        return new SettlementPartner(this, partnerId, credential, rating);
    }

    /// <summary>A product whose unit net price for a 25% discount is exactly <paramref name="unitNet"/> (list = unit / 0.75, rounded).</summary>
    public async Task<string> ProductForAdvancedAsync(decimal unitNet)
    {
        var sku = await this.CreateProductAsync(Math.Round(unitNet / 0.75m, 2, MidpointRounding.AwayFromZero));
        await this.SetBrandStockAsync(sku, 1_000_000, "live");
        return sku;
    }

    public async Task<JsonNode> CloseAsync(string period, string? partnerId = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var admin = await AdminClientAsync();
        return await (await admin.PostAsJsonAsync("/admin/v1/settlements/close", new { period, environment = "live", partnerId })).ReadJsonAsync(expected);
    }

    public async Task<int> RunPayoutsAsync(CancellationToken cancellationToken = default) =>
        await Services.GetRequiredService<PayoutRunner>().RunOnceAsync(cancellationToken);

    public async Task<JsonNode> TrialBalanceAsync()
    {
        var admin = await AdminClientAsync();
        return await (await admin.GetAsync("/admin/v1/ledger/trial-balance?environment=live")).ReadJsonAsync(HttpStatusCode.OK);
    }

    public async Task<JsonNode> RecordSubsidyAsync(string partnerId, decimal cost, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var admin = await AdminClientAsync();
        return await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/activity-subsidies",
            new { environment = "live", eventName = "Store opening", cost })).ReadJsonAsync(expected);
    }
}

/// <summary>A partner of a <see cref="SettlementPlatform"/>, acting through the partner API.</summary>
public sealed record SettlementPartner(SettlementPlatform Platform, string Id, IssuedCredential Credential, string Rating)
{
    private (string Token, DateTimeOffset IssuedAt)? _token;

    /// <summary>A client with the partner's token, fetched again once the test clock has moved on ten minutes.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        var now = Platform.Clock.GetUtcNow();
        if (_token is not { } cached || now - cached.IssuedAt > TimeSpan.FromMinutes(10))
        {
            _token = cached = (await Platform.TokenAsync(Credential.ClientId, Credential.Secret), now);
        }
        return Platform.ClientWithToken(cached.Token);
    }

    /// <summary>Places an order and has it confirmed (or prepaid), shipped and delivered now; returns its id.</summary>
    public async Task<string> DeliverOrderAsync(string sku, int quantity, string? reference = null)
    {
        var client = await ClientAsync();
        var order = await (await client.PostOrderAsync(CommerceSetup.OrderBody(reference ?? "PO-" + Guid.NewGuid().ToString("N")[..12], (sku, quantity))))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();
        var confirm = Rating == "C"
            ? await Platform.AdminMoveAsync(id, "record-prepayment", new { amount = order["total"]!.GetValue<decimal>() })
            : await Platform.AdminMoveAsync(id, "confirm");
        await confirm.ReadJsonAsync(HttpStatusCode.OK);
        await (await Platform.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "SF1" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await Platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
        return id;
    }

    public async Task ReturnOrderAsync(string orderId) =>
        await (await Platform.AdminMoveAsync(orderId, "return")).ReadJsonAsync(HttpStatusCode.OK);

    public async Task<JsonNode> StatementAsync(string idOrPeriod, string version = "v2")
    {
        var client = await ClientAsync();
        return await (await client.GetAsync($"/{version}/settlements/{idOrPeriod}")).ReadJsonAsync(HttpStatusCode.OK);
    }
}

public static class StatementJson
{
    /// <summary>Line amounts by kind (summed when a kind appears more than once), as decimal strings.</summary>
    public static Dictionary<string, decimal> Lines(this JsonNode statement) =>
        statement["lines"]!.AsArray().GroupBy(l => l!["kind"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Sum(l => decimal.Parse(l!["amount"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));

    public static string Amount(this JsonNode statement, string field) => statement[field]!["amount"]!.GetValue<string>();
}
