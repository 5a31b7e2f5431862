using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.InternalTeams;

/// <summary>Four-eyes for live credentials (domain.md › Internal roles): the person who asks is not the one who approves.</summary>
public sealed class FourEyesTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Issuing_a_live_credential_directly_is_refused_and_sandbox_stays_direct()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var admin = await platform.AdminClientAsync();
        var credentials = await platform.WithDbAsync(db => db.Credentials.CountAsync());

        await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/credentials", new { environment = "live", scopes = new[] { "orders:read" } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "live_credential_needs_approval");

        Assert.Equal(credentials, await platform.WithDbAsync(db => db.Credentials.CountAsync()));
        await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/credentials", new { environment = "sandbox", scopes = new[] { "orders:read" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Onboarding_requests_a_different_credentials_person_approves_and_the_answer_carries_the_secret_once()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var onboarding = await platform.InternalSessionAsync(InternalRole.Onboarding);
        var approver = await platform.InternalSessionAsync(InternalRole.Credentials);

        var asked = await (await onboarding.Client.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read", "orders:write" }, reason = "Signed on 1 June; ERP goes live Monday." })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", asked["status"]!.GetValue<string>());
        Assert.Equal(onboarding.ClientId, asked["requestedBy"]!.GetValue<string>());
        Assert.Null(asked["clientSecret"]);

        var approved = await (await approver.Client.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("approved", approved["request"]!["status"]!.GetValue<string>());
        Assert.Equal(approver.ClientId, approved["request"]!["decidedBy"]!.GetValue<string>());
        Assert.Equal("live", approved["credential"]!["environment"]!.GetValue<string>());
        var secret = approved["clientSecret"]!.GetValue<string>();
        var token = await platform.TokenAsync(approved["credential"]!["clientId"]!.GetValue<string>(), secret);
        var live = platform.ClientWithToken(token);
        var me = await live.GetAsync("/v2/partners/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("live", me.Headers.GetValues("X-Environment").Single());

        // Once: the request, read again, has no secret, and a second approval is refused.
        var again = await (await approver.Client.GetAsync($"/admin/v1/live-credential-requests/{asked["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(secret, again.ToJsonString());
        await (await approver.Client.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadProblemAsync(HttpStatusCode.Conflict, "request_decided");
    }

    [Fact]
    public async Task Every_role_lists_the_requests_waiting_for_a_second_person_oldest_first()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var onboarding = await platform.InternalSessionAsync(InternalRole.Onboarding);
        var viewer = await platform.ClientWithRoleAsync(InternalRole.Viewer);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await onboarding.Client.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
                new { scopes = new[] { "orders:read" }, reason = $"Integration {i}" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await (await (await platform.ApproverClientAsync()).PostAsync($"/admin/v1/live-credential-requests/{ids[0]}/approve", null)).ReadJsonAsync(HttpStatusCode.Created);

        var pending = new List<string>();
        var url = "/admin/v1/live-credential-requests?status=pending&limit=1";
        while (url is not null)
        {
            var page = await (await viewer.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            pending.AddRange(page["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            url = page["nextCursor"]?.GetValue<string>() is { } cursor ? $"/admin/v1/live-credential-requests?status=pending&limit=1&cursor={Uri.EscapeDataString(cursor)}" : null;
        }
        Assert.Equal(ids[1..], pending.Where(ids.Contains));
        var approved = await (await viewer.GetAsync("/admin/v1/live-credential-requests?status=approved&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(ids[0], approved["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        await (await viewer.PostAsync($"/admin/v1/live-credential-requests/{ids[1]}/approve", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request_even_holding_both_roles()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var both = await platform.InternalSessionAsync(InternalRole.Onboarding, InternalRole.Credentials);
        var asked = await (await both.Client.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read" }, reason = "Going live." })).ReadJsonAsync(HttpStatusCode.Created);
        var before = await platform.WithDbAsync(db => db.Credentials.CountAsync());

        await (await both.Client.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "four_eyes_required");
        await (await both.Client.PostAsJsonAsync($"/admin/v1/live-credential-requests/{asked["id"]}/reject", new { note = "Mine." }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "four_eyes_required");

        Assert.Equal(before, await platform.WithDbAsync(db => db.Credentials.CountAsync()));
        var read = await (await both.Client.GetAsync($"/admin/v1/live-credential-requests/{asked["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", read["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Onboarding_cannot_approve_and_credentials_cannot_request()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var onboarding = await platform.ClientWithRoleAsync(InternalRole.Onboarding);
        var credentials = await platform.ClientWithRoleAsync(InternalRole.Credentials);

        await (await credentials.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "x" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        var asked = await (await onboarding.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "x" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var second = await platform.ClientWithRoleAsync(InternalRole.Onboarding);
        await (await second.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Fact]
    public async Task A_rejected_request_issues_nothing_and_says_why()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var onboarding = await platform.ClientWithRoleAsync(InternalRole.Onboarding);
        var approver = await platform.InternalSessionAsync(InternalRole.Credentials);
        var asked = await (await onboarding.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes = new[] { "orders:read" }, reason = "x" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var rejected = await (await approver.Client.PostAsJsonAsync($"/admin/v1/live-credential-requests/{asked["id"]}/reject", new { note = "Agreement not countersigned yet." }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("Agreement not countersigned yet.", rejected["decisionNote"]!.GetValue<string>());
        Assert.False(await platform.WithDbAsync(db => db.Credentials.AnyAsync(c => c.PartnerId == partnerId)));
    }

    [Fact]
    public async Task The_audit_entry_names_both_people_and_their_roles_and_the_chain_verifies_then_breaks_after_tampering()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var onboarding = await platform.InternalSessionAsync(InternalRole.Onboarding);
        var approver = await platform.InternalSessionAsync(InternalRole.Credentials);
        var asked = await (await onboarding.Client.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read" }, reason = "Go live." })).ReadJsonAsync(HttpStatusCode.Created);
        var approved = await (await approver.Client.PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null)).ReadJsonAsync(HttpStatusCode.Created);
        var credentialId = approved["credential"]!["id"]!.GetValue<string>();

        var requested = await platform.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "live_credential.requested" && e.Target == asked["id"]!.GetValue<string>()));
        var issued = await platform.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "credential.issued" && e.Target == credentialId));
        Assert.Equal(onboarding.ClientId, requested.Actor);
        Assert.Contains("\"actorRoles\":[\"onboarding\"]", requested.Details);
        Assert.Equal(approver.ClientId, issued.Actor);
        var details = JsonNode.Parse(issued.Details!)!;
        Assert.Equal(onboarding.ClientId, details["requestedBy"]!.GetValue<string>());
        Assert.Equal(approver.ClientId, details["approvedBy"]!.GetValue<string>());
        Assert.Equal(["credentials"], details["actorRoles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var auditor = await platform.ClientWithRoleAsync(InternalRole.Risk);
        var verified = await (await auditor.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());

        // Someone with the database rewrites who approved it.
        await platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE audit_entries SET \"Details\" = REPLACE(\"Details\", {0}, {1}) WHERE \"Id\" = {2}", approver.ClientId, onboarding.ClientId, issued.Id));
        var broken = await (await auditor.GetAsync("/admin/v1/audit-entries/verification")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(broken["valid"]!.GetValue<bool>());
    }
}
