using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Credentials;
using Integration.Application.Credentials;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>
/// The real platform in-process: real database (SQLite file or PostgreSQL), real OpenIddict tokens
/// from the real /connect/token endpoint, and a clock the tests can move forward.
/// </summary>
public class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public PlatformFactory() : this(null)
    {
    }

    /// <summary>A second instance on the same database as another, as two servers behind a load balancer.</summary>
    protected internal PlatformFactory(TestDatabase? sharedDatabase, DateTimeOffset? startTime = null)
    {
        Clock = new FakeTimeProvider(startTime ?? DateTimeOffset.UtcNow);
        _database = sharedDatabase ?? new TestDatabase();
        _ownsDatabase = sharedDatabase is null;
        Settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = _database.Provider,
            [$"ConnectionStrings:{_database.Provider}"] = _database.ConnectionString,
            ["Storage:MigrateOnStartup"] = "true",
            ["Seed:DemoOnFirstRun"] = "false",
            // The production key path: a signing certificate shared by every instance.
            ["OAuth:SigningCertificatePath"] = TestSigningCertificate.Path,
            ["OAuth:AllowPlainHttp"] = "true",
            ["OAuth:Issuer"] = Issuer,
            ["Logging:LogLevel:Default"] = "Warning",
            // Local receivers (WireMock) are allowed; tests drive the dispatcher themselves unless they say otherwise.
            ["Webhooks:RequireHttps"] = "false",
            ["Webhooks:AllowedPrivateHosts:0"] = "localhost",
            ["Webhooks:AllowedPrivateHosts:1"] = "127.0.0.1",
            ["Webhooks:DispatchInBackground"] = "false",
            ["Inventory:RunImportsInBackground"] = "false",
            // Tests run expiry themselves; a one-minute timer on the test clock would also fire for every minute a test skips.
            ["Inventory:ExpireTransfersInBackground"] = "false",
            ["Settlement:RunInBackground"] = "false",
            ["Partners:Exits:RunInBackground"] = "false",
            ["Reminders:RunInBackground"] = "false",
            ["Insights:RunInBackground"] = "false",
            // Most tests use sandbox credentials as a plain, empty tenant; the sandbox tests turn seeding on.
            ["Sandbox:SeedOnFirstCredential"] = "false",
            ["Sandbox:PurgeInBackground"] = "false",
            // The production key path: audit chain keys from configuration, the same on every instance.
            ["Audit:ChainKeys:0:Id"] = AuditKeyId,
            ["Audit:ChainKeys:0:Key"] = AuditKey,
            ["Audit:CurrentKeyId"] = AuditKeyId,
            // Tests checkpoint and prune themselves; a timer on the test clock would fire for every interval a test skips.
            ["Audit:CheckpointInterval"] = "00:00:00",
            // Each host's e-mail lands in its own folder (the development sink: no mail server).
            ["Email:MailFolder"] = MailFolder,
            ["Onboarding:ApplicationKeys:tests"] = ApplicationKey,
        };
        foreach (var tier in new[] { "Basic", "Advanced", "Strategic", "Internal", "Anonymous", "Client" })
        {
            Settings[$"RateLimits:{tier}:PermitsPerSecond"] = "100000";
            Settings[$"RateLimits:{tier}:Burst"] = "100000";
        }
        Settings["RateLimits:SandboxFactor"] = "1";
        foreach (var allowance in new[] { "WrongSecrets", "WrongSecretsPerClient", "Applications" })
        {
            Settings[$"RateLimits:{allowance}:Attempts"] = "100000";
            Settings[$"RateLimits:{allowance}:Per"] = "00:00:01";
        }
    }

    /// <summary>The public URL every test instance names as its issuer, as instances behind one load balancer do.</summary>
    public const string Issuer = "http://localhost/";

    /// <summary>The publishable application key of the tests' sign-up site (Onboarding:ApplicationKeys).</summary>
    public const string ApplicationKey = "apk_test_sign_up_site_0000000000";

    public const string AuditKeyId = "test-1";

    /// <summary>The audit chain key every test instance shares (32 bytes, base64).</summary>
    public static readonly string AuditKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("audit-chain-key-for-tests-only!!"));

    public TestDatabase Database => _database;

    /// <summary>Where this host's e-mail is written, one .eml file per message.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "integration-tests", "mail-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; }

    /// <summary>Configuration of the host; change it in a subclass constructor, before the host starts.</summary>
    protected Dictionary<string, string?> Settings { get; }

    public string AdminClientId { get; private set; } = "";
    public string AdminClientSecret { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddControllers().AddApplicationPart(typeof(PlatformFactory).Assembly);
        });
    }

    public virtual async Task InitializeAsync()
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CredentialIssuer>();
        var (credential, secret) = await issuer.IssueInternalAsync("Test administrator", InternalRoles.Every, "test-setup", CancellationToken.None);
        AdminClientId = credential.ClientId;
        AdminClientSecret = secret;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<IntegrationDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>());
    }

    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope = null, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        return CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>Writes the counted refusals of token requests to the audit log now, as the interval's end would.</summary>
    public Task FlushRefusedTokenSummariesAsync() =>
        Services.GetRequiredService<Integration.Api.OAuth.RefusedTokenRequests>().FlushAsync(CancellationToken.None);

    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        var response = await RequestTokenAsync(clientId, secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token request failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    public HttpClient ClientWithToken(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private (string Token, DateTimeOffset IssuedAt)? _adminToken;

    /// <summary>A client with an admin token, reused while the test clock has moved less than ten minutes since it was issued.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        if (_adminToken is not { } cached || Clock.GetUtcNow() - cached.IssuedAt > TimeSpan.FromMinutes(10) || Clock.GetUtcNow() < cached.IssuedAt)
        {
            _adminToken = cached = (await TokenAsync(AdminClientId, AdminClientSecret), Clock.GetUtcNow());
        }
        return ClientWithToken(cached.Token);
    }

    public static Dictionary<string, object?> PartnerBody(
        string? name = null, string tier = "advanced", string rating = "B", string mode = "regional_distribution",
        string region = "CN-SH", bool qualified = false)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name ?? "Partner " + Guid.NewGuid().ToString("N")[..8],
            ["tier"] = tier,
            ["creditRating"] = rating,
            ["cooperationMode"] = mode,
            ["regionCode"] = region,
        };
        if (qualified)
        {
            body["businessLicenceNumber"] = "91310000MA1FL0000X";
            body["qualificationVerifiedOn"] = "2026-01-15";
        }
        return body;
    }

    public async Task<string> CreatePartnerAsync(Dictionary<string, object?>? body = null)
    {
        var admin = await AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/admin/v1/partners", body ?? PartnerBody());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create partner failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>A client whose internal credential holds exactly <paramref name="roles"/>, and that credential's ids.</summary>
    public async Task<InternalSession> InternalSessionAsync(params InternalRole[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var (credential, secret) = await scope.ServiceProvider.GetRequiredService<CredentialIssuer>()
            .IssueInternalAsync($"Test {InternalRoles.Format(roles)}", roles, "test-setup", CancellationToken.None);
        return new InternalSession(credential.Id, credential.ClientId, secret, ClientWithToken(await TokenAsync(credential.ClientId, secret)));
    }

    /// <summary>A client with exactly one role.</summary>
    public async Task<HttpClient> ClientWithRoleAsync(InternalRole role) => (await InternalSessionAsync(role)).Client;

    private InternalSession? _approver;

    /// <summary>The second person of four-eyes flows: a <c>credentials</c> and <c>risk</c> holder other than the test administrator.</summary>
    /// <remarks>A fresh token each time: tests move the clock past a token's 15 minutes.</remarks>
    public async Task<HttpClient> ApproverClientAsync()
    {
        _approver ??= await InternalSessionAsync(InternalRole.Credentials, InternalRole.Risk);
        return ClientWithToken(await TokenAsync(_approver.ClientId, _approver.Secret));
    }

    /// <summary>Sandbox credentials directly; live ones requested by the test administrator and approved by <see cref="ApproverClientAsync"/>.</summary>
    public async Task<IssuedCredential> IssueCredentialAsync(string partnerId, string environment = "sandbox", params string[] scopes)
    {
        var admin = await AdminClientAsync();
        var granted = scopes.Length > 0 ? scopes : Core.Credentials.ApiScopes.PartnerScopes.ToArray();
        HttpResponseMessage response;
        if (environment == "live")
        {
            var asked = await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/live-credential-requests",
                new { scopes = granted, reason = "Test partner goes live." })).ReadJsonAsync(HttpStatusCode.Created);
            response = await (await ApproverClientAsync()).PostAsync($"/admin/v1/live-credential-requests/{asked["id"]}/approve", null);
        }
        else
        {
            response = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/credentials", new { environment, scopes = granted });
        }
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"issue credential failed: {(int)response.StatusCode} {text}");
        var json = JsonNode.Parse(text)!;
        return new IssuedCredential(
            json["credential"]!["id"]!.GetValue<string>(),
            json["credential"]!["clientId"]!.GetValue<string>(),
            json["clientSecret"]!.GetValue<string>());
    }

    /// <summary>A new partner with a sandbox credential, and a client already holding its token.</summary>
    public async Task<PartnerSession> NewPartnerSessionAsync(string environment = "sandbox", Dictionary<string, object?>? body = null, params string[] scopes)
    {
        var partnerId = await CreatePartnerAsync(body ?? PartnerBody(qualified: true));
        var credential = await IssueCredentialAsync(partnerId, environment, scopes);
        var token = await TokenAsync(credential.ClientId, credential.Secret);
        return new PartnerSession(partnerId, credential, token, ClientWithToken(token));
    }
}

public sealed record IssuedCredential(string Id, string ClientId, string Secret);

public sealed record InternalSession(string CredentialId, string ClientId, string Secret, HttpClient Client);

public sealed record PartnerSession(string PartnerId, IssuedCredential Credential, string AccessToken, HttpClient Client);
