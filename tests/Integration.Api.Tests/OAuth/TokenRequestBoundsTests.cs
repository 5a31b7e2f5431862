using System.Net;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.OAuth;

/// <summary>An anonymous caller cannot make the platform store what it sends (issue 18: the audit log as a disk filler).</summary>
public sealed class TokenRequestBoundsTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_client_id_longer_than_any_client_id_is_refused_before_anything_is_stored()
    {
        var entriesBefore = await platform.WithDbAsync(db => db.AuditEntries.CountAsync());

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await platform.RequestTokenAsync(new string((char)('a' + i), 200_000), "sk_whatever"));
        }

        foreach (var answer in answers)
        {
            var json = await answer.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_request");
            Assert.Equal("invalid_request", json["error"]!.GetValue<string>()); // what OAuth clients read
        }
        Assert.Equal(entriesBefore, await platform.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_refused_request_with_a_plausible_client_id_is_still_audited_within_its_columns()
    {
        var clientId = "sbx_" + new string('z', 96); // 100 characters: the longest accepted

        var answer = await platform.RequestTokenAsync(clientId, "sk_whatever");

        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, answer.StatusCode.ToString());
        await platform.FlushRefusedTokenSummariesAsync();
        var entry = await platform.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("token.refused", clientId), (entry.Action, entry.Actor));
    }
}
