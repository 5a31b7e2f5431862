using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary>The internal teams' command line, talking to the real admin API over (in-process) HTTP: partners, credentials, audit.</summary>
public sealed class AdminCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task PartnersCreate_ThenCredentialsIssueRotateRevoke_WorkEndToEnd()
    {
        var created = await platform.RunCliAsync("partners", "create", "--name", "Harbour Traders", "--tier", "basic", "--credit-rating", "A",
            "--mode", "co_branding", "--region", "CN-FJ", "--licence", "91350000MA2Y", "--verified-on", "2026-02-01", "--discount", "0.12", "-o", "json");
        Assert.Equal(0, created.ExitCode);
        var partnerId = created.Json!["id"]!.GetValue<string>();

        var asked = await platform.RunCliAsync("credentials", "request-live", "--partner", partnerId, "--scopes", "orders:read orders:write", "--reason", "Signed.", "-o", "json");
        Assert.Equal(0, asked.ExitCode);
        var approver = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Credentials);
        var issued = await platform.RunCliAsAsync(approver, "credentials", "approve", asked.Json!["id"]!.GetValue<string>(), "-o", "json");
        Assert.Equal(0, issued.ExitCode);
        var credentialId = issued.Json!["credential"]!["id"]!.GetValue<string>();
        var secret = issued.Json!["clientSecret"]!.GetValue<string>();
        Assert.StartsWith("sk_live_", secret);

        var rotated = await platform.RunCliAsync("credentials", "rotate", credentialId, "--overlap-minutes", "0", "-o", "json");
        Assert.Equal(0, rotated.ExitCode);
        Assert.NotEqual(secret, rotated.Json!["clientSecret"]!.GetValue<string>());

        var listed = await platform.RunCliAsync("credentials", "list", "--partner", partnerId);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(credentialId, listed.Output);
        Assert.DoesNotContain(secret, listed.Output);

        var revoked = await platform.RunCliAsync("credentials", "revoke", credentialId, "-o", "json");
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal("revoked", revoked.Json!["status"]!.GetValue<string>());
        Assert.Equal("revoked", (await platform.RunCliAsync("credentials", "show", credentialId, "-o", "json")).Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALiveCredentialRequest_CanBeRejectedWithANote()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var asked = await platform.RunCliAsync("credentials", "request-live", "--partner", partnerId, "--scopes", "orders:read", "--reason", "Pilot.", "-o", "json");
        var requestId = asked.Json!["id"]!.GetValue<string>();
        var approver = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Credentials);

        var rejected = await platform.RunCliAsAsync(approver, "credentials", "reject", requestId, "--note", "No signed agreement yet.", "-o", "json");
        var shown = await platform.RunCliAsync("credentials", "show-request", requestId);

        Assert.Equal(0, rejected.ExitCode);
        Assert.Equal("rejected", rejected.Json!["status"]!.GetValue<string>());
        Assert.Matches(@"(?m)^status\s+rejected$", shown.Output);
        Assert.Matches(@"(?m)^decisionNote\s+No signed agreement yet\.$", shown.Output);
    }

    [Fact]
    public async Task Help_NeverShowsTheSecretTakenFromTheEnvironment()
    {
        const string sentinel = "sk_adm_from_the_environment_do_not_print";
        var before = Environment.GetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_SECRET");
        Environment.SetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_SECRET", sentinel);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            await AdminCli.RunAsync(["--help"], output, error);
            await AdminCli.RunAsync(["credentials", "issue", "--help"], output, error);

            Assert.Contains("--client-secret-file", output.ToString());
            Assert.DoesNotContain(sentinel, output + error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_SECRET", before);
        }
    }

    [Fact]
    public async Task ANotFoundCall_PrintsTitleAndDetailOnStderr_AndExitsWithTheNotFoundCode()
    {
        var result = await platform.RunCliAsync("credentials", "issue", "--partner", "ptn_missing", "--environment", "sandbox", "--scopes", "orders:read");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Matches(@"^[^:\n]+: .*ptn_missing.* \(resource_not_found\)", result.Error);
    }

    [Fact]
    public async Task InvalidInput_ExitsWithTheInvalidCode_AndNamesTheField()
    {
        var partnerId = await platform.CreatePartnerAsync();

        var result = await platform.RunCliAsync("credentials", "issue", "--partner", partnerId, "--environment", "sandbox", "--scopes", "orders:read", "--name", new string('x', 500));

        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("name", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AWrongCommandLine_ExitsWithTheUsageCode_BeforeCallingThePlatform()
    {
        var missingOption = await platform.RunCliAsync("credentials", "issue", "--partner", "ptn_x");
        var unknown = await platform.RunCliAsync("partners", "explode");
        var badFormat = await platform.RunCliAsync("partners", "list", "--output", "xml");

        Assert.All([missingOption, unknown, badFormat], r => Assert.Equal(ExitCodes.Usage, r.ExitCode));
        Assert.Contains("--environment", missingOption.Error);
    }

    [Fact]
    public async Task AuditVerify_ReportsAValidChain()
    {
        await platform.CreatePartnerAsync();

        var result = await platform.RunCliAsync("audit", "verify", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AuditCheckpoint_PrintsTheSignedHead_AndTheEntriesList()
    {
        await platform.CreatePartnerAsync();

        var result = await platform.RunCliAsync("audit", "checkpoint", "-o", "json");
        var entries = await platform.RunCliAsync("audit", "list", "--limit", "2", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(64, result.Json!["mac"]!.GetValue<string>().Length);
        Assert.True(result.Json["sequence"]!.GetValue<long>() >= 2);
        Assert.Equal(2, entries.Json!.AsArray().Count);
    }

    [Fact]
    public async Task WrongAdminSecret_ExitsWithTheUnauthenticatedCode()
    {
        var result = await platform.RunCliWithAsync(platform.AdminClientId, "wrong", "partners", "list");

        Assert.Equal(ExitCodes.Unauthenticated, result.ExitCode);
        Assert.Contains("invalid_client", result.Error);
    }

    [Fact]
    public async Task TheSecretCanComeFromAFile_AndNotFromTheCommandLine()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, platform.AdminClientSecret + "\n");
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await AdminCli.RunAsync(
                ["partners", "list", "--url", "http://localhost", "--client-id", platform.AdminClientId, "--client-secret-file", file],
                output, error, platform.Server.CreateHandler(), _ => null);
            var onTheCommandLine = await platform.RunCliAsync("partners", "list", "--client-secret", platform.AdminClientSecret);

            Assert.Equal(0, exit);
            Assert.Equal(ExitCodes.Usage, onTheCommandLine.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
