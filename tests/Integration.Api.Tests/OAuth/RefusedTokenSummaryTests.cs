using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.OAuth;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.OAuth;

/// <summary>
/// Refused token requests are audited as counted summaries per client id and source address, not a
/// row each (issue 18: 50 refused requests must not become 50 rows, nor a flood of them a full disk).
/// </summary>
public sealed class RefusedTokenSummaryTests(RefusedTokenSummaryTests.FewSummaries platform) : IClassFixture<RefusedTokenSummaryTests.FewSummaries>
{
    public sealed class FewSummaries : PlatformFactory
    {
        public FewSummaries() => Settings["Audit:RefusedTokenSummaries:MaxPerInterval"] = "10";
    }

    [Fact]
    public async Task Repeated_refusals_of_one_client_become_one_entry_with_their_count()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var guessed = await platform.IssueCredentialAsync(partnerId);
        var other = await platform.IssueCredentialAsync(partnerId);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(guessed.ClientId, "sk_wrong_" + i)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.RequestTokenAsync(other.ClientId, "sk_wrong")).StatusCode);
        Assert.Equal(0, await RefusalsOfAsync(guessed.ClientId)); // counted in memory until the interval ends
        await platform.Services.GetRequiredService<RefusedTokenRequests>().FlushAsync(CancellationToken.None);

        var entry = await platform.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == "token.refused" && e.Target == guessed.ClientId));
        var details = JsonNode.Parse(entry.Details!)!;
        Assert.Equal(4, details["count"]!.GetValue<int>());
        Assert.Equal("invalid_client", details["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(details["address"]!.GetValue<string>()));
        Assert.True(details["firstAt"]!.GetValue<DateTimeOffset>() <= details["lastAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("refused", entry.Outcome);
        Assert.Equal(1, await RefusalsOfAsync(other.ClientId));
        Assert.DoesNotContain("sk_wrong", entry.Details);
    }

    [Fact]
    public async Task A_spray_of_client_ids_is_stored_as_a_bounded_number_of_entries()
    {
        var before = await platform.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "token.refused"));

        for (var i = 0; i < 30; i++)
        {
            await platform.RequestTokenAsync($"sbx_spray_{i:00}", "sk_whatever");
        }
        await platform.Services.GetRequiredService<RefusedTokenRequests>().FlushAsync(CancellationToken.None);

        var entries = await platform.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "token.refused").OrderBy(e => e.Sequence).Skip(before).ToListAsync());
        Assert.Equal(11, entries.Count); // ten summaries, then one for everything past the bound
        var rest = entries[^1];
        Assert.Equal(RefusedTokenRequests.OtherClients, rest.Target);
        Assert.Equal(20, JsonNode.Parse(rest.Details!)!["count"]!.GetValue<int>());
    }

    private Task<int> RefusalsOfAsync(string clientId) => platform.WithDbAsync(db =>
        db.AuditEntries.CountAsync(e => e.Action == "token.refused" && e.Target == clientId));
}
