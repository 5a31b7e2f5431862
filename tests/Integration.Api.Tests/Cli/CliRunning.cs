using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary>
/// Runs <c>integration-admin</c> in process against the real API (over the test server's HTTP handler), configured the
/// way an operator configures it: the INTEGRATION_ADMIN_* variables (given here, not set on the shared process).
/// </summary>
public static class CliRunning
{
    /// <summary>Runs as the test administrator.</summary>
    public static Task<CliResult> RunCliAsync(this PlatformFactory platform, params string[] args) =>
        platform.RunCliWithAsync(platform.AdminClientId, platform.AdminClientSecret, args);

    /// <summary>Runs as <paramref name="person"/>, an internal credential with only its roles.</summary>
    public static Task<CliResult> RunCliAsAsync(this PlatformFactory platform, InternalSession person, params string[] args) =>
        platform.RunCliWithAsync(person.ClientId, person.Secret, args);

    public static async Task<CliResult> RunCliWithAsync(this PlatformFactory platform, string clientId, string secret, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["INTEGRATION_ADMIN_URL"] = "http://localhost",
            ["INTEGRATION_ADMIN_CLIENT_ID"] = clientId,
            ["INTEGRATION_ADMIN_CLIENT_SECRET"] = secret,
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCli.RunAsync(args, output, error, platform.Server.CreateHandler(), name => environment.GetValueOrDefault(name));
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
