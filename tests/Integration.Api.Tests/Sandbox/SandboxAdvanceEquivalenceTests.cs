using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;
using Integration.Core.Sandbox;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Integration.Api.Tests.Sandbox;

/// <summary>
/// The clock moves orders in batches (one transaction per batch of steps); this proves a partner sees the
/// same world as when every step was its own transaction. The one-by-one path is the same engine with
/// <c>Sandbox:AdvanceBatchSize</c> = 1: each step then goes through <c>OrderBook.MoveOnScheduleAsync</c>
/// in its own unit of work, which is the algorithm the clock ran before batching (it is also what a batch
/// falls back to when another writer changes one of its orders meanwhile), so it is the honest reference.
/// </summary>
public sealed partial class SandboxAdvanceEquivalenceTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AdvancingInBatches_LeavesTheSameOrdersEventsStatementsAndPayouts_AsMovingOrdersOneByOne()
    {
        var seed = Environment.GetEnvironmentVariable("EQUIVALENCE_SEED") is { } fixedSeed ? int.Parse(fixedSeed, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (EQUIVALENCE_SEED={seed} replays it)");

        var oneByOne = await BuildAndAdvanceAsync(seed, batchSize: 1);
        // An odd batch size cuts the run at many places: batch ends, month closes and payout attempts between steps.
        var batched = await BuildAndAdvanceAsync(seed, batchSize: 37);

        // The world exercised what can hold an order back, and the month close and payout retries fell inside the last advance.
        Assert.Contains("insufficient_stock", oneByOne["advances of B"]);
        Assert.Contains("failed_prepayment", oneByOne["advances of C"]);
        Assert.Contains("carrier:", oneByOne["advances of B"] + oneByOne["advances of C"]);
        var last = JsonNode.Parse(oneByOne["advances of B"].Split('\n')[^1])!;
        output.WriteLine($"last advance of B: {last.ToJsonString()}");
        Assert.Contains("2026-11", last["monthsClosed"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.True(last["ordersConfirmed"]!.GetValue<int>() > 0 && last["ordersShipped"]!.GetValue<int>() > 0 && last["ordersDelivered"]!.GetValue<int>() > 0);
        foreach (var (part, expected) in oneByOne)
        {
            Assert.True(expected == batched[part], $"{part} differs (seed {seed}).\none by one:\n{expected}\nbatched:\n{batched[part]}");
        }
    }

    /// <summary>
    /// Two sandbox partners (rating B: orders start pending; rating C: they await their prepayment, some
    /// with references whose prepayment fails), each placing orders at random times over a week while the
    /// clock moves between them, some out of stock, with the carrier failing now and then; then one 30-day
    /// advance over the month close and failing payout attempts. Returns what a partner can see, with the
    /// random identifiers replaced by names in order of appearance.
    /// </summary>
    private async Task<Dictionary<string, string>> BuildAndAdvanceAsync(int seed, int batchSize)
    {
        await using var platform = await SandboxPlatform.StartAsync(Start, new Dictionary<string, string> { ["Sandbox:AdvanceBatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture) });
        var random = new Random(seed);
        var parts = new Dictionary<string, string>();
        var partners = new Dictionary<string, string>();
        foreach (var (letter, rating) in new[] { ("B", "B"), ("C", "C") })
        {
            var body = PlatformFactory.PartnerBody(name: $"Equivalence {letter}", qualified: true);
            body["creditRating"] = rating;
            var session = await platform.NewPartnerSessionAsync("sandbox", body);
            partners[session.PartnerId] = $"partner-{letter}";
            var advances = new List<JsonNode>();
            var carrierFailing = false;
            foreach (var (at, i) in OrderTimes(random, count: 110).Select((at, i) => (at, i)))
            {
                if (random.NextDouble() < 0.08)
                {
                    carrierFailing = !carrierFailing;
                    await session.Client.SetModeAsync("carrier", carrierFailing ? "failing" : "healthy");
                }
                advances.Add(await AdvanceToAsync(session.Client, at));
                var reference = rating == "C" && random.NextDouble() < 0.12 ? $"{SandboxScenarios.FailPaymentReferencePrefix}-{letter}{i:D4}" : $"{letter}-{i:D4}";
                var sku = random.NextDouble() < 0.06 ? SandboxScenarios.OutOfStockSku : new[] { "SBX-TEE-BLACK-M", "SBX-SOCKS-3PK", "SBX-CAP-NAVY" }[random.Next(3)];
                var lines = random.NextDouble() < 0.3 ? new[] { (sku, random.Next(1, 4)), (sku == "SBX-SOCKS-3PK" ? "SBX-CAP-NAVY" : "SBX-SOCKS-3PK", random.Next(1, 4)) } : new[] { (sku, random.Next(1, 4)) };
                await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody(reference, lines), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
            }
            await session.Client.SetModeAsync("carrier", "healthy");
            await session.Client.SetModeAsync("bank-gateway", "failing");
            advances.Add(await session.Client.AdvanceAsync("P30D"));
            parts[$"advances of {letter}"] = string.Join('\n', advances.Select(a => a["ran"]!.ToJsonString()));
        }

        await platform.WithDbAsync(async db =>
        {
            var orders = await db.Orders.AsNoTracking().ToListAsync();
            parts["orders"] = Rows(orders.Select(o => new { o, tracking = o.TrackingNumber == null ? null : o.TrackingNumber == global::Integration.Sandbox.Clocks.SandboxTimeMachine.TrackingNumberOf(o) ? "SBX+id" : o.TrackingNumber }), partners);
            parts["order events"] = Rows(await db.OrderEvents.AsNoTracking().ToListAsync(), partners);
            parts["events"] = Rows(await db.Events.AsNoTracking().ToListAsync(), partners);
            parts["statements"] = Rows(await db.Statements.AsNoTracking().Include(s => s.Lines).ToListAsync(), partners);
            parts["payouts"] = Rows(await db.Payouts.AsNoTracking().ToListAsync(), partners);
            parts["brand stock"] = Rows(await db.BrandStock.AsNoTracking().ToListAsync(), partners);
            return 0;
        });
        return Canonical(parts);
    }

    /// <summary>
    /// Times over a week, each at a different time of day: no two steps of different orders then fall due at
    /// the same instant, where order ids (random, so different in the two worlds) would decide which runs first.
    /// </summary>
    private static IEnumerable<DateTimeOffset> OrderTimes(Random random, int count)
    {
        var timesOfDay = new HashSet<long>();
        var times = new List<DateTimeOffset>();
        while (times.Count < count)
        {
            var at = Start.AddMilliseconds(1 + (long)(random.NextDouble() * TimeSpan.FromDays(7).TotalMilliseconds));
            if (timesOfDay.Add(at.Ticks % TimeSpan.TicksPerDay))
            {
                times.Add(at);
            }
        }
        return times.Order();
    }

    private static async Task<JsonNode> AdvanceToAsync(HttpClient client, DateTimeOffset to)
    {
        var response = await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = to.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // Rows as JSON lines, partners named, sorted with the other random identifiers blanked out.
    private static string Rows<T>(IEnumerable<T> rows, Dictionary<string, string> partners) =>
        string.Join('\n', rows
            .Select(row => partners.Aggregate(JsonSerializer.Serialize(row, Json), (json, partner) => json.Replace(partner.Key, partner.Value, StringComparison.Ordinal)))
            .OrderBy(json => RandomToken().Replace(json, "*"), StringComparer.Ordinal));

    // Every random identifier gets a name in order of first appearance across all parts, read in a fixed order.
    private static Dictionary<string, string> Canonical(Dictionary<string, string> parts)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return parts.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => RandomToken().Replace(p.Value, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
            {
                name = $"<{names.Count}>";
                names[m.Value] = name;
            }
            return name;
        }));
    }

    // Ids ("ord_" + 20 lower-case letters and digits), GUIDs, and 32-hex keys.
    [GeneratedRegex("[a-z]+_[a-z0-9]{20}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32}")]
    private static partial Regex RandomToken();
}
