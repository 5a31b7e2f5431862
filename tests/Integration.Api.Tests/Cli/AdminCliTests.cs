using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary>The internal teams' command line, talking to the real admin API over (in-process) HTTP.</summary>
public sealed class AdminCliTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task PartnersCreate_ThenCredentialsIssueRotateRevoke_WorkEndToEnd()
    {
        var created = await RunAsync("partners", "create", "--name", "Harbour Traders", "--tier", "basic", "--credit-rating", "A",
            "--mode", "co_branding", "--region", "CN-FJ", "--licence", "91350000MA2Y", "--verified-on", "2026-02-01", "--discount", "0.12");
        Assert.Equal(0, created.ExitCode);
        var partnerId = created.Json!["id"]!.GetValue<string>();

        var asked = await RunAsync("credentials", "request-live", "--partner", partnerId, "--scopes", "orders:read orders:write", "--reason", "Signed.");
        Assert.Equal(0, asked.ExitCode);
        var approver = await platform.InternalSessionAsync(Core.Credentials.InternalRole.Credentials);
        var issued = await RunAsync(approver, "credentials", "approve", asked.Json!["id"]!.GetValue<string>());
        Assert.Equal(0, issued.ExitCode);
        var credentialId = issued.Json!["credential"]!["id"]!.GetValue<string>();
        var secret = issued.Json!["clientSecret"]!.GetValue<string>();
        Assert.StartsWith("sk_live_", secret);

        var rotated = await RunAsync("credentials", "rotate", credentialId, "--overlap-minutes", "0");
        Assert.Equal(0, rotated.ExitCode);
        Assert.NotEqual(secret, rotated.Json!["clientSecret"]!.GetValue<string>());

        var listed = await RunAsync("credentials", "list", "--partner", partnerId);
        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain(secret, listed.Output);

        var revoked = await RunAsync("credentials", "revoke", credentialId);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal("revoked", revoked.Json!["status"]!.GetValue<string>());
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

            Assert.Contains("--client-secret", output.ToString());
            Assert.DoesNotContain(sentinel, output + error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("INTEGRATION_ADMIN_CLIENT_SECRET", before);
        }
    }

    [Fact]
    public async Task ARefusedCall_ExitsNonZeroAndPrintsTheProblem()
    {
        var result = await RunAsync("credentials", "issue", "--partner", "ptn_missing", "--environment", "sandbox", "--scopes", "orders:read");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("resource_not_found", result.Error);
    }

    [Fact]
    public async Task AuditVerify_ReportsAValidChain()
    {
        await platform.CreatePartnerAsync();

        var result = await RunAsync("audit", "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AuditCheckpoint_PrintsTheSignedHead()
    {
        await platform.CreatePartnerAsync();

        var result = await RunAsync("audit", "checkpoint");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(64, result.Json!["mac"]!.GetValue<string>().Length);
        Assert.True(result.Json["sequence"]!.GetValue<long>() >= 2);
    }

    [Fact]
    public async Task WrongAdminSecret_FailsWithInvalidClient()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AdminCli.RunAsync(
            ["partners", "list", "--url", "http://localhost", "--client-id", platform.AdminClientId, "--client-secret", "wrong"],
            output, error, platform.Server.CreateHandler());

        Assert.Equal(1, exit);
        Assert.Contains("invalid_client", error.ToString());
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs as the test administrator, or as <paramref name="person"/>.</summary>
    private async Task<CliResult> RunAsync(InternalSession? person, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] connection = ["--url", "http://localhost", "--client-id", person?.ClientId ?? platform.AdminClientId, "--client-secret", person?.Secret ?? platform.AdminClientSecret];
        var exit = await AdminCli.RunAsync([.. args, .. connection], output, error, platform.Server.CreateHandler());
        var text = output.ToString();
        return new CliResult(exit, text, error.ToString(), text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private sealed record CliResult(int ExitCode, string Output, string Error, JsonNode? Json);
}
