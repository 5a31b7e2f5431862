using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Web.Tests.Console;

/// <summary>Trade the console's pages show, made through the partner and admin APIs: live partners and delivered orders.</summary>
public static class ConsoleTrading
{
    /// <summary>An active, qualified, advanced partner rated B (25% off list prices) with a live credential.</summary>
    public static async Task<(string Id, IssuedCredential Credential)> LivePartnerAsync(this BrowserPlatform platform, string name)
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(name: $"{name} {Guid.NewGuid().ToString("N")[..6]}", tier: "advanced", qualified: true));
        return (partnerId, await platform.IssueCredentialAsync(partnerId, "live"));
    }

    /// <summary>Ordered with a fresh token (tests move the clock a month), confirmed, shipped and delivered now.</summary>
    public static async Task DeliverAsync(this BrowserPlatform platform, (string Id, IssuedCredential Credential) partner, string sku, int units)
    {
        var client = platform.ClientWithToken(await platform.TokenAsync(partner.Credential.ClientId, partner.Credential.Secret));
        var order = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], (sku, units)))).ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();
        await (await platform.AdminMoveAsync(id, "confirm")).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "SF1" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
    }
}
