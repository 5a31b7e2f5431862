using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.InternalTeams;

/// <summary>Issue 22 part 8: internal credentials carry roles; only an admin manages internal credentials.</summary>
public sealed class InternalCredentialRoleTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    /// <summary>The issue's reproduction: a new support credential rotated the owner's credential, got its secret and locked the owner out.</summary>
    [Fact]
    public async Task A_support_credential_cannot_take_over_or_remove_the_owners_credential()
    {
        var owner = await platform.InternalSessionAsync(InternalRole.Admin);
        var support = await platform.ClientWithRoleAsync(InternalRole.Credentials);
        var before = await AuditCountAsync();

        var rotate = await support.PostAsJsonAsync($"/admin/v1/credentials/{owner.CredentialId}/rotate", new { overlapMinutes = 0 });
        var problem = await rotate.ReadProblemAsync(HttpStatusCode.Forbidden, "internal_credential");
        Assert.DoesNotContain("clientSecret", await rotate.Content.ReadAsStringAsync());
        Assert.Contains("/admin/v1/internal-credentials/me/rotate", problem["detail"]!.GetValue<string>());
        await (await support.PostAsync($"/admin/v1/credentials/{owner.CredentialId}/revoke", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "internal_credential");
        await (await support.PostAsync($"/admin/v1/internal-credentials/{owner.CredentialId}/revoke", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        await (await support.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "Shadow admin", roles = new[] { "admin" } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        await (await support.PutAsJsonAsync($"/admin/v1/internal-credentials/{owner.CredentialId}/roles", new { roles = new[] { "viewer" } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");

        // The owner still works, and nothing was written.
        await (await owner.Client.GetAsync($"/admin/v1/credentials/{owner.CredentialId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task A_viewer_calling_a_write_endpoint_gets_403_insufficient_role_naming_the_permission_and_nothing_is_written()
    {
        var viewer = await platform.ClientWithRoleAsync(InternalRole.Viewer);
        var partners = await platform.WithDbAsync(db => db.Partners.CountAsync());

        var problem = await (await viewer.PostAsJsonAsync("/admin/v1/partners", PlatformFactory.PartnerBody()))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");

        Assert.Contains("'partners.write'", problem["detail"]!.GetValue<string>());
        Assert.Contains("onboarding", problem["detail"]!.GetValue<string>());
        Assert.Equal(partners, await platform.WithDbAsync(db => db.Partners.CountAsync()));
        await (await viewer.GetAsync("/admin/v1/partners")).ReadJsonAsync(HttpStatusCode.OK); // every role reads
    }

    [Fact]
    public async Task An_admin_issues_an_internal_credential_with_roles_that_its_token_and_responses_carry()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);

        var issued = await (await admin.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "Finance desk", roles = new[] { "finance", "viewer", "finance" } }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["viewer", "finance"], issued["credential"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var token = await platform.TokenAsync(issued["credential"]!["clientId"]!.GetValue<string>(), issued["clientSecret"]!.GetValue<string>());
        Assert.Equal(["viewer", "finance"], Jwt.Payload(token)["internal_role"]!.AsArray().Select(r => r!.GetValue<string>()));
        var partner = await platform.CreatePartnerAsync();
        var read = await (await admin.GetAsync($"/admin/v1/partners/{partner}/credentials")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(read["data"]);
    }

    [Fact]
    public async Task Roles_are_required_and_must_be_known()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);

        await (await admin.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "No roles" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "Empty", roles = Array.Empty<string>() })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/admin/v1/internal-credentials", new { name = "Root", roles = new[] { "root" } })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_role_taken_away_ends_the_tokens_that_carry_it_at_once()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);
        var finance = await platform.InternalSessionAsync(InternalRole.Finance, InternalRole.Risk);
        await (await finance.Client.GetAsync("/admin/v1/audit-entries?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        var changed = await (await admin.PutAsJsonAsync($"/admin/v1/internal-credentials/{finance.CredentialId}/roles", new { roles = new[] { "finance" } }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["finance"], changed["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        await (await finance.Client.GetAsync("/admin/v1/audit-entries?limit=1")).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var entry = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "credential.roles_changed" && e.Target == finance.CredentialId).SingleAsync());
        Assert.Contains("\"before\":[\"finance\",\"risk\"]", entry.Details);
        Assert.Contains("\"actorRoles\":[\"admin\"]", entry.Details);
    }

    [Fact]
    public async Task Only_its_holder_rotates_an_internal_credential_and_gets_the_new_secret()
    {
        var holder = await platform.InternalSessionAsync(InternalRole.Viewer);

        var rotated = await (await holder.Client.PostAsJsonAsync("/admin/v1/internal-credentials/me/rotate", new { overlapMinutes = 0 })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(holder.CredentialId, rotated["credential"]!["id"]!.GetValue<string>());
        Assert.NotEmpty(await platform.TokenAsync(holder.ClientId, rotated["clientSecret"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Partner_credentials_carry_no_roles_and_cannot_be_given_any()
    {
        var admin = await platform.ClientWithRoleAsync(InternalRole.Admin);
        var partner = await platform.NewPartnerSessionAsync();

        var read = await (await admin.GetAsync($"/admin/v1/credentials/{partner.Credential.Id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Null(read["roles"]);
        await (await admin.PutAsJsonAsync($"/admin/v1/internal-credentials/{partner.Credential.Id}/roles", new { roles = new[] { "admin" } }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Freezing_and_unfreezing_a_partner_is_risks_decision_also_through_the_partner_update()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var onboarding = await platform.ClientWithRoleAsync(InternalRole.Onboarding);
        var risk = await platform.ClientWithRoleAsync(InternalRole.Risk);

        var problem = await (await onboarding.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { status = "frozen" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        Assert.Contains("'partners.freeze'", problem["detail"]!.GetValue<string>());
        await (await onboarding.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { name = "Renamed Trading Co." })).ReadJsonAsync(HttpStatusCode.OK);
        await (await onboarding.PostAsync($"/admin/v1/partners/{partnerId}/freeze", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");

        var frozen = await (await risk.PostAsync($"/admin/v1/partners/{partnerId}/freeze", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("frozen", frozen["status"]!.GetValue<string>());
        await (await onboarding.PatchAsJsonAsync($"/admin/v1/partners/{partnerId}", new { status = "active" })).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
        var active = await (await risk.PostAsync($"/admin/v1/partners/{partnerId}/unfreeze", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", active["status"]!.GetValue<string>());
    }

    private Task<int> AuditCountAsync() => platform.WithDbAsync(db => db.AuditEntries.CountAsync());
}
