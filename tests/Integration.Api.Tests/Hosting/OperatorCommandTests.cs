using System.Diagnostics;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace Integration.Api.Tests.Hosting;

/// <summary>The operator commands, run as a real process in Production mode, as an operator would.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private bool _withoutAuditKey;

    [Fact]
    public async Task MigrateThenBootstrap_CreatesOneInternalCredentialOnce_WithoutSigningKeys()
    {
        var migrate = await RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);

        var first = await RunAsync("bootstrap");
        var second = await RunAsync("bootstrap");

        Assert.True(first.ExitCode == 0, first.Output);
        var clientId = ValueAfter(first.Output, "client_id:");
        var secret = ValueAfter(first.Output, "client_secret:");
        Assert.StartsWith("adm_", clientId);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Output);

        await using var db = OpenDatabase();
        var credential = await db.Credentials.SingleAsync();
        Assert.Equal(CredentialKind.Internal, credential.Kind);
        Assert.Equal([ApiScopes.Admin], credential.Scopes);
        var storedHash = await db.Set<OpenIddictEntityFrameworkCoreApplication>().Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync();
        Assert.True(ClientSecrets.Matches(secret, storedHash));
        Assert.Equal("credential.issued", (await db.AuditEntries.SingleAsync()).Action);
        Assert.Equal(InternalRoles.Every, credential.Roles);
        // The first person, who signs in to the console, is printed with how to sign in.
        Assert.Contains("admin@localhost", first.Output);
        Assert.Contains("POST /admin/v1/session", first.Output);
        var person = await db.People.SingleAsync();
        Assert.Equal(InternalRoles.Every, person.Roles);
        Assert.False(person.TwoFactorEnabled);
    }

    [Fact]
    public async Task ConfigurationArguments_AreNotMistakenForCommands()
    {
        var result = await RunAsync("migrate", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsage()
    {
        var result = await RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("migrate, bootstrap", result.Output);
    }

    [Fact]
    public async Task Bootstrap_WithoutAnAuditKey_NamesTheSettingAndWritesNothing()
    {
        Assert.True((await RunAsync("migrate")).ExitCode == 0);
        _withoutAuditKey = true;

        var result = await RunAsync("bootstrap");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Audit:ChainKeys is not set", result.Output);
        await using var db = OpenDatabase();
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    public void Dispose() => _database.Dispose();

    private IntegrationDbContext OpenDatabase()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = _database.Provider,
            [$"ConnectionStrings:{_database.Provider}"] = _database.ConnectionString,
        }).Build();
        services.AddIntegrationStorage(configuration, Path.GetTempPath());
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IntegrationDbContext>();
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = _database.Provider;
        start.Environment[$"ConnectionStrings__{_database.Provider}"] = _database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (!_withoutAuditKey)
        {
            start.Environment["Audit__ChainKeys__0__Id"] = PlatformFactory.AuditKeyId;
            start.Environment["Audit__ChainKeys__0__Key"] = PlatformFactory.AuditKey;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string ValueAfter(string output, string label) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();
}
