using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Audit;

/// <summary>Each test owns a platform, so edits to the chain do not leak into other tests.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly PlatformFactory _platform = new();

    public Task InitializeAsync() => _platform.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_platform).DisposeAsync();

    [Fact]
    public async Task AdminActions_AreListedInOrderWithActorTargetAndOutcome()
    {
        var partnerId = await _platform.CreatePartnerAsync();
        await _platform.RequestTokenAsync("sbx_unknown", "sk_sbx_wrong");
        await _platform.FlushRefusedTokenSummariesAsync();
        var admin = await _platform.AdminClientAsync();

        var page = await (await admin.GetAsync("/admin/v1/audit-entries?limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var entries = page["data"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e!["sequence"]!.GetValue<long>()));
        var created = Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "partner.created");
        Assert.Equal(partnerId, created!["target"]!.GetValue<string>());
        Assert.Equal(_platform.AdminClientId, created["actor"]!.GetValue<string>());
        var refused = Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "token.refused");
        Assert.Equal("refused", refused!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verification_OfAnUntouchedChain_IsValid()
    {
        await _platform.CreatePartnerAsync();
        await _platform.CreatePartnerAsync();
        var admin = await _platform.AdminClientAsync();

        var result = await (await admin.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(result["valid"]!.GetValue<bool>());
        Assert.True(result["entriesChecked"]!.GetValue<long>() >= 3);
        Assert.Null(result["firstBrokenEntry"]);
    }

    [Fact]
    public async Task Verification_NamesTheFirstEditedEntry()
    {
        for (var i = 0; i < 4; i++)
        {
            await _platform.CreatePartnerAsync();
        }
        await _platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE audit_entries SET \"Target\" = 'ptn_someone_else' WHERE \"Sequence\" = 3"));
        var admin = await _platform.AdminClientAsync();

        var result = await (await admin.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(3, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
        Assert.Contains("changed", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verification_NamesTheEntryAfterADeletedOne()
    {
        for (var i = 0; i < 4; i++)
        {
            await _platform.CreatePartnerAsync();
        }
        await _platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 2"));
        var admin = await _platform.AdminClientAsync();

        var result = await (await admin.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(3, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task ConcurrentAdminActions_KeepOneUnbrokenChain()
    {
        var admin = await _platform.AdminClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            admin.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody(region: "CN-GD"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var result = await (await admin.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(21, result["entriesChecked"]!.GetValue<long>()); // the setup credential and 20 partners
    }
}
