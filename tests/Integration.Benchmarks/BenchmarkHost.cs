using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Integration.Api.Credentials;
using Integration.Application.Credentials;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Benchmarks;

/// <summary>
/// The real platform on real Kestrel at 127.0.0.1, configured as in production (signing certificate,
/// no development shortcuts) except that rate limits are raised so they do not cap the measurement.
/// </summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _extraSettings;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "integration-bench-" + Guid.NewGuid().ToString("N"));

    public BenchmarkHost(string provider, string? postgresConnection, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        _extraSettings = extraSettings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(_folder);
        _provider = provider;
        _connectionString = provider == "PostgreSQL"
            ? postgresConnection ?? throw new ArgumentException("--postgres needs a connection string")
            : $"Data Source={Path.Combine(_folder, "bench.db")}";
        UseKestrel(0);
        // Run from the build output, wherever the repository is checked out.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INTEGRATION_API", AppContext.BaseDirectory);
    }

    public string AdminClientId { get; private set; } = "";
    public string AdminSecret { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = _provider,
            [$"ConnectionStrings:{_provider}"] = _connectionString,
            ["Storage:MigrateOnStartup"] = "true",
            ["OAuth:SigningCertificatePath"] = CreateSigningCertificate(),
            ["OAuth:AllowPlainHttp"] = "true",
            ["OAuth:Issuer"] = "http://localhost/",
            ["Audit:ChainKeys:0:Id"] = "benchmark",
            ["Audit:ChainKeys:0:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:SandboxFactor"] = "1",
            // The webhook receiver runs on loopback next to the platform.
            ["Webhooks:RequireHttps"] = "false",
            ["Settlement:RunInBackground"] = "false",
            ["Insights:RunInBackground"] = "false",
            ["Webhooks:AllowedPrivateHosts:0"] = "127.0.0.1",
        };
        foreach (var tier in new[] { "Basic", "Advanced", "Strategic", "Internal", "Anonymous", "Client" })
        {
            settings[$"RateLimits:{tier}:PermitsPerSecond"] = "1000000";
            settings[$"RateLimits:{tier}:Burst"] = "1000000";
        }
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task StartAsync()
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var (credential, secret) = await scope.ServiceProvider.GetRequiredService<CredentialIssuer>()
            .IssueInternalAsync("Benchmark administrator", InternalRoles.Every, "benchmark", CancellationToken.None);
        AdminClientId = credential.ClientId;
        AdminSecret = secret;
        var (approver, approverSecret) = await scope.ServiceProvider.GetRequiredService<CredentialIssuer>()
            .IssueInternalAsync("Benchmark approver", [InternalRole.Credentials], "benchmark", CancellationToken.None);
        _approver = (approver.ClientId, approverSecret);
    }

    private (string ClientId, string Secret) _approver;

    /// <summary>A live credential, four-eyes: requested by <paramref name="admin"/>, approved by the benchmark's second person; returns (client id, secret).</summary>
    public async Task<(string ClientId, string Secret)> IssueLiveAsync(HttpClient admin, string partnerId, IReadOnlyList<string> scopes)
    {
        var asked = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests", new { scopes, reason = "Benchmark partner." });
        asked.EnsureSuccessStatusCode();
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var approver = CreateClient();
        approver.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(approver, _approver.ClientId, _approver.Secret));
        var approved = await approver.PostAsync($"/admin/v1/live-credential-requests/{requestId}/approve", null);
        approved.EnsureSuccessStatusCode();
        var json = (await approved.Content.ReadFromJsonAsync<JsonNode>())!;
        return (json["credential"]!["clientId"]!.GetValue<string>(), json["clientSecret"]!.GetValue<string>());
    }

    public async Task<string> TokenAsync(HttpClient client, string clientId, string secret)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!.GetValue<string>();
    }

    /// <summary>A partner with a credential holding every partner scope; returns (client id, secret).</summary>
    public async Task<(string ClientId, string Secret)> NewPartnerCredentialAsync(HttpClient admin, string tier = "strategic")
    {
        var partner = await admin.PostAsJsonAsync("/admin/v1/partners", new
        {
            name = "Bench " + Guid.NewGuid().ToString("N")[..6], tier, creditRating = "A", cooperationMode = "co_branding", regionCode = "CN-SH",
            businessLicenceNumber = "91310000BENCH", qualificationVerifiedOn = "2026-01-01",
        });
        partner.EnsureSuccessStatusCode();
        var partnerId = (await partner.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        return await IssueLiveAsync(admin, partnerId, ApiScopes.PartnerScopes);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>This host's signing certificate; give it to another host to play a second instance.</summary>
    public string SigningCertificatePath => Path.Combine(_folder, "signing.pfx");

    private string CreateSigningCertificate()
    {
        if (File.Exists(SigningCertificatePath))
        {
            return SigningCertificatePath;
        }
        // ECDSA P-256 (ES256): signing is ~20x cheaper than RSA-2048, which bounds token issuance.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=benchmark-signing", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllBytes(SigningCertificatePath, certificate.Export(X509ContentType.Pfx));
        return SigningCertificatePath;
    }
}
