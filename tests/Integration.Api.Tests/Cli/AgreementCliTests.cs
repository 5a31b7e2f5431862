using Integration.Api.Tests.Agreements;
using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin agreements</c>: versions, their difference, and signing.</summary>
public sealed class AgreementCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Versions_AreListedAndShown_TheirDiffNamesTheChange_AndTheBrandSigns()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var first = (await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.12m)))["id"]!.GetValue<string>();
        var second = (await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.15m)))["id"]!.GetValue<string>();

        var list = await platform.RunCliAsync("agreements", "list", "--partner", partnerId);
        var shown = await platform.RunCliAsync("agreements", "show", second, "--partner", partnerId, "-o", "json");
        var diff = await platform.RunCliAsync("agreements", "diff", "--partner", partnerId, "--from", first, "--to", second, "-o", "json");
        var signed = await platform.RunCliAsync("agreements", "sign", second, "--partner", partnerId, "--document", "agreement",
            "--signer-name", "Zhang Min", "--signer-role", "Legal counsel", "--method", "electronic", "-o", "json");
        var signOld = await platform.RunCliAsync("agreements", "sign", first, "--partner", partnerId, "--document", "agreement",
            "--signer-name", "Zhang Min", "--signer-role", "Legal counsel", "--method", "electronic");

        Assert.Matches($@"(?m)^{first}\s+1\s+superseded\s", list.Output);
        Assert.Matches($@"(?m)^{second}\s+2\s+draft\s", list.Output);
        Assert.Equal(2, shown.Json!["number"]!.GetValue<int>());
        Assert.Contains(diff.Json!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>().Contains("discount", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, signed.ExitCode);
        Assert.Single(signed.Json!["signatures"]!.AsArray());
        Assert.NotEqual(ExitCodes.Ok, signOld.ExitCode);
    }
}
