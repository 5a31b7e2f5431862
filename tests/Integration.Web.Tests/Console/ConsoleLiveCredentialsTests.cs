using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleLiveCredentialsTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task One_person_asks_for_a_live_credential_cannot_approve_it_themselves_and_a_second_person_issues_it()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var (asker, _) = await platform.SignedInAsync("onboarding", "credentials");

        await asker.GetByRole(AriaRole.Link, new() { Name = "Live credentials" }).ClickAsync();
        await asker.WaitForURLAsync("**/console/live-credentials");
        await asker.GetByLabel("Partner id").FillAsync(partnerId);
        await asker.GetByLabel("Name", new() { Exact = true }).FillAsync("ERP connector");
        await asker.GetByLabel("Why the partner needs it now").FillAsync("Goes live on Monday");
        await asker.GetByLabel("orders:read").CheckAsync();
        await asker.GetByLabel("orders:write").CheckAsync();
        await asker.GetByTestId("request").ClickAsync();
        await Assertions.Expect(asker.GetByTestId("done")).ToContainTextAsync("a different person");
        var row = asker.Locator("[data-testid='pending'] tr", new() { HasText = "ERP connector" });
        var requestId = await row.GetAttributeAsync("data-request");

        await row.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(asker.GetByTestId("refusal")).ToContainTextAsync("a different person must approve it");
        await Assertions.Expect(asker.Locator($"tr[data-request='{requestId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(asker.GetByTestId("new-secret")).ToHaveCountAsync(0);

        var (approver, _) = await platform.SignedInAsync("credentials");
        await approver.GotoAsync("/console/live-credentials");
        await Assertions.Expect(approver.GetByTestId("request")).ToHaveCountAsync(0); // asking is the onboarding role's
        await BrowserPlatform.ScreenshotAsync(approver, "console-live-credentials");
        await approver.Locator($"tr[data-request='{requestId}']").GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("new-client-secret")).Not.ToBeEmptyAsync();
        var clientId = await approver.GetByTestId("new-client-id").TextContentAsync();
        await Assertions.Expect(approver.Locator($"tr[data-request='{requestId}']")).ToHaveCountAsync(0);

        await approver.GotoAsync("/console/live-credentials");
        await Assertions.Expect(approver.GetByTestId("new-secret")).ToHaveCountAsync(0); // shown once
        await approver.GotoAsync($"/console/partners/{partnerId}");
        await Assertions.Expect(approver.GetByTestId("credentials").Locator("tr", new() { HasText = clientId! })).ToContainTextAsync("Live");

        // The partner's owner sees it in the portal's live environment, without its secret, and the checklist's last step done.
        var portal = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(portal, partnerId);
        await portal.Locator("#environment").SelectOptionAsync("live");
        await portal.Locator("[data-testid=environment-switch] button").ClickAsync();
        await portal.GotoAsync("/portal/credentials");
        await Assertions.Expect(portal.GetByTestId("credentials").Locator("tr", new() { HasText = clientId! })).ToContainTextAsync("orders:read orders:write");
        await portal.GotoAsync("/portal");
        await Assertions.Expect(portal.Locator("[data-step='live_credentials']")).ToHaveAttributeAsync("data-done", "true");
    }

    [Fact]
    public async Task A_credentials_person_rejects_with_a_note_and_a_viewers_forged_approval_is_refused()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var admin = await platform.AdminClientAsync();
        var first = await AskAsync(admin, partnerId);
        var second = await AskAsync(admin, partnerId);

        var (viewer, _) = await platform.SignedInAsync("viewer");
        await viewer.GotoAsync("/console/live-credentials");
        await Assertions.Expect(viewer.Locator($"tr[data-request='{first}']")).ToHaveCountAsync(1);
        Assert.Equal(0, await viewer.Locator("main button").CountAsync());
        var forged = await ConsolePages.ForgedPostAsync(viewer, "/console/live-credentials", $"approve-{first}");
        Assert.Equal(403, forged.Status);
        Assert.DoesNotContain("new-client-secret", await forged.TextAsync());
        var still = await (await admin.GetAsync($"/admin/v1/live-credential-requests/{first}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", still["status"]!.GetValue<string>());

        var (page, person) = await platform.SignedInAsync("credentials");
        await page.GotoAsync("/console/live-credentials");
        var row = page.Locator($"tr[data-request='{second}']");
        await row.GetByLabel("Note for the requester").FillAsync("Sign the agreement first");
        await row.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToHaveTextAsync("Rejected.");
        var rejected = await (await admin.GetAsync($"/admin/v1/live-credential-requests/{second}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal(person.Email, rejected["decidedBy"]!.GetValue<string>());
        Assert.Equal("Sign the agreement first", rejected["decisionNote"]!.GetValue<string>());
    }

    private static async Task<string> AskAsync(HttpClient admin, string partnerId) =>
        (await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
            new { scopes = new[] { "orders:read" }, reason = "Goes live soon" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
}
