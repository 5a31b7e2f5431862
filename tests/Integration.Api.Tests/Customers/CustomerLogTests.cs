using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Http;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Customers;

/// <summary>A partner's customer id may be a phone number: no log line, trace of the request or problem repeats it, nor the personal data sent.</summary>
public sealed class CustomerLogTests(LoggedPlatform platform) : IClassFixture<LoggedPlatform>
{
    [Fact]
    public async Task Neither_the_log_nor_problems_repeat_a_phone_number_used_as_the_customer_id_or_the_personal_data()
    {
        var session = await platform.CrmSessionAsync(whole: true);
        const string phone = "13811112222";
        const string email = "never.logged.7391@example.com";

        (await session.Client.PutCustomerAsync(phone, new { name = "赵六", phone, email })).EnsureSuccessStatusCode();
        var invalid = await session.Client.PutCustomerAsync(phone, new { phone = "not-a-phone", email = "not-an-email" });
        var missing = await session.Client.GetAsync($"/v1/customers/{phone}-other");
        var unrouted = await session.Client.PostAsJsonAsync($"/v1/customers/{phone}", new { });
        var bulk = await session.Client.PostAsJsonAsync("/v1/customers/bulk", new { rows = new[] { new { externalId = phone, email = "bad@" } } });

        var problems = new[]
        {
            await invalid.ReadProblemAsync(HttpStatusCode.BadRequest), await missing.ReadProblemAsync(HttpStatusCode.NotFound),
            await unrouted.ReadProblemAsync(HttpStatusCode.MethodNotAllowed),
        };
        Assert.All(problems, p => Assert.DoesNotContain(phone, p.ToJsonString()));
        Assert.All(problems, p => Assert.DoesNotContain("not-a-phone", p.ToJsonString()));
        Assert.DoesNotContain("bad@", await bulk.Content.ReadAsStringAsync());
        Assert.Equal("/v1/customers/{externalId}", problems[0]["instance"]!.GetValue<string>());
        var lines = platform.Logs.All.Select(l => string.Join(" ", [l.Message, .. l.Fields.Select(f => f.Value), .. l.Scopes.Select(f => f.Value), l.Exception])).ToList();
        Assert.Contains(lines, l => l.Contains("/v1/customers/{externalId}", StringComparison.Ordinal));
        var leaking = lines.Where(l => l.Contains(phone, StringComparison.Ordinal) || l.Contains(email, StringComparison.Ordinal) || l.Contains("赵六", StringComparison.Ordinal)).ToList();
        Assert.True(leaking.Count == 0, string.Join("\n", leaking));
    }
}
