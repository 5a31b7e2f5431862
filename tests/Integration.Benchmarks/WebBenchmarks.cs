using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Partners;
using Integration.Data;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 24: a portal page's server time with 1,000,000 orders (goal p95 &lt; 300 ms). Orders are spread over the
/// partners (live, placed over eleven months); one partner's owner signs in through the sign-in page and reads the pages
/// a person opens most, with a few concurrent readers, as people do (not a load test).
/// </summary>
public static partial class WebBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        var admin = host.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(30);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        const string sku = "BENCH-WEB";
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark bag", listPrice = 199.99m, active = true })).EnsureSuccessStatusCode();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var partnerIds = await SettlementBenchmarks.CreatePartnersAsync(host, admin, settings.Partners, ["orders:read"]);
        await SeedOrdersAsync(host, partnerIds, sku, settings.Orders);
        Console.WriteLine($"created {partnerIds.Count:N0} partners and {settings.Orders:N0} live orders in {watch.Elapsed.TotalSeconds:0.0} s");

        var partnerId = partnerIds[0];
        const string email = "owner@bench.localhost", password = "Bench-Owner-Pass-2026!";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var owner = new Person { Id = Ids.New("psn"), UserName = email, Email = email, DisplayName = "Bench owner", CreatedAt = DateTimeOffset.UtcNow };
            owner.JoinPartner(partnerId, PartnerRole.Owner);
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().CreateAsync(owner, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        var cookies = new CookieContainer();
        var baseAddress = admin.BaseAddress!;
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        await SignInAsync(browser, email, password);
        cookies.Add(baseAddress, new Cookie("portal_environment", "live"));

        // The partner's orders, a page deep into them (its cursor names an order placed mid-year), and the other pages.
        var middle = await MiddleOrderCursorAsync(host, partnerId);
        string[] pages =
        [
            "/portal", "/portal/orders", "/portal/orders?status=pending", $"/portal/orders?cursor={Uri.EscapeDataString(middle)}",
            "/portal/orders?reference=WEB-500000", "/portal/request-log", "/portal/credentials", "/portal/webhooks",
        ];
        foreach (var page in pages)
        {
            using var check = await browser.GetAsync(page);
            if (check.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{page} answered {(int)check.StatusCode}");
            }
        }
        var scenarios = pages.Select(page => new Scenario($"GET {page.Split('?')[0]}{(page.Contains('?') ? "?" + page.Split('?')[1].Split('=')[0] : "")}", async _ =>
        {
            using var response = await browser.GetAsync(page);
            await response.Content.CopyToAsync(Stream.Null);
            return response.StatusCode == HttpStatusCode.OK;
        })).ToArray();
        return await LoadRunner.RunInterleavedAsync(scenarios, settings.Concurrency, settings.WarmUp, settings.Duration);
    }

    private static async Task SignInAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var posted = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Form.Email"] = email, ["Form.Password"] = password,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect || posted.Headers.Location?.ToString().Contains("/portal") != true)
        {
            throw new InvalidOperationException($"sign-in answered {(int)posted.StatusCode} {posted.Headers.Location}");
        }
    }

    private static async Task<string> MiddleOrderCursorAsync(BenchmarkHost host, string partnerId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var middle = await db.Visible<Order>().Where(o => o.PartnerId == partnerId && o.Environment == ApiEnvironment.Live && o.CreatedAt < Start.AddMonths(6))
            .OrderByDescending(o => o.CreatedAt).Select(o => new { o.CreatedAt, o.Id }).FirstAsync();
        return Cursor.Encode(middle.CreatedAt, middle.Id);
    }

    /// <summary>Order i goes to partner i mod N, placed at an instant spread over January–November; one in four delivered.</summary>
    private static async Task SeedOrdersAsync(BenchmarkHost host, List<string> partnerIds, string sku, int count)
    {
        const int batch = 10_000;
        var seconds = (long)(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) - Start).TotalSeconds;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var at = Start.AddSeconds(i * seconds / count);
                var order = Order.Place($"ord_web{i:D9}", partnerIds[i % partnerIds.Count], ApiEnvironment.Live, $"WEB-{i}", prepay: false, 0.25m,
                    [OrderLine.Price(1, sku, "Benchmark bag", 1 + i % 5, 199.99m, 0.25m)], null, at, new OrderSoldBy(null, null, null));
                if (i % 4 == 0)
                {
                    order.MoveTo(OrderStatus.Confirmed, at.AddSeconds(1));
                    order.MoveTo(OrderStatus.Shipped, at.AddSeconds(2));
                    order.MoveTo(OrderStatus.Delivered, at.AddSeconds(3));
                }
                db.Orders.Add(order);
            }
            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
