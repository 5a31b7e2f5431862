using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// The platform as operators run it: its own process (<c>dotnet Integration.Api.dll</c>, built with
/// the solution) in Production mode on a loopback port, that a test can kill -9.
/// </summary>
public sealed class InstanceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private InstanceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Output { get { lock (_output) { return string.Join('\n', _output); } } }

    /// <summary>The settings every instance of one cluster shares: database, Redis, keys, issuer, the proxies it trusts.</summary>
    public static Dictionary<string, string> ClusterSettings(TestDatabase database, OwnRedisServer redis, string keyPrefix) => new()
    {
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__Provider"] = "PostgreSQL",
        ["ConnectionStrings__PostgreSQL"] = database.ConnectionString,
        ["Redis__Configuration"] = redis.Configuration,
        ["Redis__KeyPrefix"] = keyPrefix,
        ["OAuth__SigningCertificatePath"] = TestSigningCertificate.Path,
        ["OAuth__Issuer"] = "https://platform.test/",
        ["OAuth__AllowPlainHttp"] = "true",
        ["Audit__ChainKeys__0__Id"] = "cluster-test",
        ["Audit__ChainKeys__0__Key"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("cluster-test-audit-chain-key-32b")),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__Console__FormatterName"] = "simple",
    };

    /// <summary>Runs an operator command (<c>migrate</c>, <c>bootstrap</c>) to its end and returns what it printed.</summary>
    public static async Task<string> RunCommandAsync(string command, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(settings, command))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited {process.ExitCode}: {await output}{await error}");
        }
        return await output;
    }

    /// <summary>Migrates a new cluster's database and creates its first internal credential, as an operator does.</summary>
    public static async Task<(string ClientId, string Secret)> MigrateAndBootstrapAsync(IReadOnlyDictionary<string, string> settings)
    {
        await RunCommandAsync("migrate", settings);
        var printed = (await RunCommandAsync("bootstrap", settings)).Split('\n').Select(l => l.Trim()).ToList();
        string Value(string label) => printed.First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();
        return (Value("client_id:"), Value("client_secret:"));
    }

    /// <summary>Starts an instance and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<InstanceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = ServerTools.FreePort();
        var start = StartInfo(settings, null);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var instance = new InstanceProcess(Process.Start(start)!, port);
        instance._process.OutputDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.ErrorDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.BeginOutputReadLine();
        instance._process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (instance._process.HasExited)
            {
                throw new InvalidOperationException($"The instance exited ({instance._process.ExitCode}) while starting:\n{instance.Output}");
            }
            try
            {
                if ((await probe.GetAsync("health/ready")).IsSuccessStatusCode)
                {
                    return instance;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                await instance.DisposeAsync();
                throw new TimeoutException($"The instance did not become ready within 60 s:\n{instance.Output}");
            }
            await Task.Delay(200);
        }
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        using var client = Client();
        var response = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        return body?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException($"token refused: {body}");
    }

    /// <summary>SIGKILL: no shutdown, no lease released, as a crashed machine.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output) { _output.Add(line); }
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, string? command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ApiAssembly },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly)!,
        };
        if (command is not null)
        {
            start.ArgumentList.Add(command);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private static string ApiAssembly { get; } = BuiltAssembly("Integration.Api");

    /// <summary>A program of src/ as the solution built it, in the same configuration as this test assembly.</summary>
    public static string BuiltAssembly(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Integration.sln")))
            {
                var path = Path.Combine(folder.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
            }
        }
        throw new DirectoryNotFoundException("Integration.sln not found above " + AppContext.BaseDirectory);
    }
}
