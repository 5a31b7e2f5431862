using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Application.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Partners;

/// <summary>Moves the platform's clock by months: a fixture of its own.</summary>
public sealed class PartnerExitTests(PartnerExitTests.ExitPlatform platform) : IClassFixture<PartnerExitTests.ExitPlatform>
{
    /// <summary>The hourly exit job runs by itself here, on the test clock.</summary>
    public sealed class ExitPlatform : PlatformFactory
    {
        public ExitPlatform() => Settings["Partners:Exits:RunInBackground"] = "true";
    }

    private DateOnly Today => DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task AnExitDateInThePast_Is422AndTheAccountStaysActive()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/exit", new { exitDate = Today.AddDays(-1) });

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "exit_date_in_past");
        var partner = await (await admin.GetAsync($"/admin/v1/partners/{partnerId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", partner["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExit_EndsInTerminatedByItselfWhenTheBufferEnds_AndTheCredentialsEndWithIt()
    {
        var session = await platform.NewPartnerSessionAsync("live");
        var admin = await platform.AdminClientAsync();
        var exitDate = Today.AddDays(1);

        var started = await (await admin.PostAsJsonAsync($"/admin/v1/partners/{session.PartnerId}/exit", new { exitDate })).ReadJsonAsync(HttpStatusCode.OK);
        var startedAgain = await admin.PostAsJsonAsync($"/admin/v1/partners/{session.PartnerId}/exit", new { exitDate });
        var heardExiting = await EventTypesAsync(session.PartnerId);
        Assert.Equal(0, await EndDueExitsAsync());
        platform.Clock.SetUtcNow(new DateTimeOffset(exitDate.AddMonths(3).ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero));
        var lastDayToken = await platform.TokenAsync(session.Credential.ClientId, session.Credential.Secret);
        var lastDay = await platform.ClientWithToken(lastDayToken).GetAsync("/v1/partners/me");
        Assert.Equal("exiting", (await StatusAsync(session.PartnerId)));

        platform.Clock.Advance(TimeSpan.FromHours(2)); // the day after the buffer: the hourly job's timer fires
        var terminated = await WaitForStatusAsync(session.PartnerId, "terminated");
        var afterwards = await platform.ClientWithToken(lastDayToken).GetAsync("/v1/partners/me");
        var tokenRequest = await platform.RequestTokenAsync(session.Credential.ClientId, session.Credential.Secret);

        Assert.Equal("exiting", started["status"]!.GetValue<string>());
        Assert.Equal(exitDate.ToString("yyyy-MM-dd"), started["exitDate"]!.GetValue<string>());
        await startedAgain.ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal(HttpStatusCode.OK, lastDay.StatusCode);
        Assert.True(terminated);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, tokenRequest.StatusCode);
        Assert.Contains("invalid_client", await tokenRequest.Content.ReadAsStringAsync());
        Assert.Equal(["partner.exiting", "partner.exiting"], heardExiting); // live and sandbox
        Assert.Contains("partner.terminated", await EventTypesAsync(session.PartnerId));
        var credentials = await platform.WithDbAsync(db => db.Credentials.Where(c => c.PartnerId == session.PartnerId).Select(c => c.Status).ToListAsync());
        Assert.All(credentials, status => Assert.Equal(Core.Credentials.CredentialStatus.Revoked, status));
        Assert.Equal(0, await EndDueExitsAsync()); // a second run (another instance) finds nothing left to do
    }

    [Fact]
    public async Task TerminatingAnExitingPartnerByHand_EndsItsCredentialsAtOnce()
    {
        var session = await platform.NewPartnerSessionAsync("live");
        var admin = await platform.AdminClientAsync();
        (await admin.PostAsJsonAsync($"/admin/v1/partners/{session.PartnerId}/exit", new { exitDate = Today })).EnsureSuccessStatusCode();

        var terminated = await (await admin.PatchAsJsonAsync($"/admin/v1/partners/{session.PartnerId}", new { status = "terminated" })).ReadJsonAsync(HttpStatusCode.OK);
        var call = await session.Client.GetAsync("/v1/partners/me");

        Assert.Equal("terminated", terminated["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
    }

    private Task<List<string>> EventTypesAsync(string partnerId) =>
        platform.WithDbAsync(db => db.Visible<Core.Events.PartnerEvent>().Where(e => e.PartnerId == partnerId).Select(e => e.Type).ToListAsync());

    private async Task<int> EndDueExitsAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartnerExits>().EndDueExitsAsync(CancellationToken.None);
    }

    private async Task<string> StatusAsync(string partnerId)
    {
        var admin = await platform.AdminClientAsync();
        return (await (await admin.GetAsync($"/admin/v1/partners/{partnerId}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>();
    }

    /// <summary>The background job runs on its own thread once the clock passes its hour; this waits for its outcome, not for a time.</summary>
    private async Task<bool> WaitForStatusAsync(string partnerId, string status)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await platform.WithDbAsync(db => db.Partners.AnyAsync(p => p.Id == partnerId && p.Status == Core.Partners.PartnerStatus.Terminated))
                && await platform.WithDbAsync(db => db.Credentials.AllAsync(c => c.PartnerId != partnerId || c.Status == Core.Credentials.CredentialStatus.Revoked)))
            {
                return await StatusAsync(partnerId) == status;
            }
            await Task.Delay(50);
        }
        return false;
    }
}
