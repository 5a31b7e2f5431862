using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Agreements;

/// <summary>What the agreement tests do through the admin API, in the words of the onboarding and legal teams.</summary>
public static class AgreementPlatform
{
    public static Dictionary<string, object?> Terms(
        string tier = "advanced", string mode = "regional_distribution", decimal? discount = null, decimal? target = null,
        string? exclusiveRegion = null, int? paymentTermDays = null, string effectiveFrom = "2027-01-01")
    {
        var terms = new Dictionary<string, object?> { ["cooperationMode"] = mode, ["tier"] = tier, ["effectiveFrom"] = effectiveFrom };
        if (discount is { } d)
        {
            terms["discountRate"] = d;
        }
        if (target is { } t)
        {
            terms["annualTarget"] = t;
        }
        if (exclusiveRegion is not null)
        {
            terms["exclusiveRegion"] = exclusiveRegion;
        }
        if (paymentTermDays is { } days)
        {
            terms["paymentTermDays"] = days;
        }
        return terms;
    }

    /// <summary>A partner that applied and is negotiating: status onboarding, licence verified, no agreement yet.</summary>
    public static Task<string> OnboardingPartnerAsync(this PlatformFactory platform, string mode = "regional_distribution", string region = "CN-SH")
    {
        var body = PlatformFactory.PartnerBody(mode: mode, region: region, qualified: true);
        body["status"] = "onboarding";
        return platform.CreatePartnerAsync(body);
    }

    public static async Task<JsonNode> DraftAsync(this PlatformFactory platform, string partnerId, Dictionary<string, object?> terms)
    {
        var admin = await platform.AdminClientAsync();
        return await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements", terms)).ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> SignAsync(this PlatformFactory platform, string partnerId, string versionId, string side, string document)
    {
        var admin = await platform.AdminClientAsync();
        return await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/agreements/{versionId}/signatures/{side}", new
        {
            document,
            signerName = side == "brand" ? "Zhang Min" : "Chen Hui",
            signerRole = side == "brand" ? "Legal counsel" : "General manager",
            method = "electronic",
        });
    }

    /// <summary>Both sides sign both documents; returns the last answer (the one that signs the version).</summary>
    public static async Task<HttpResponseMessage> SignEverythingAsync(this PlatformFactory platform, string partnerId, string versionId)
    {
        HttpResponseMessage? last = null;
        foreach (var document in new[] { "agreement", "confidentiality_supplement" })
        {
            foreach (var side in new[] { "brand", "partner" })
            {
                last?.EnsureSuccessStatusCode();
                last = await platform.SignAsync(partnerId, versionId, side, document);
            }
        }
        return last!;
    }

    public static async Task<JsonNode> PartnerAsync(this PlatformFactory platform, string partnerId)
    {
        var admin = await platform.AdminClientAsync();
        return await (await admin.GetAsync($"/admin/v1/partners/{partnerId}")).ReadJsonAsync(HttpStatusCode.OK);
    }
}
