using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>
/// With <c>SDK_CONTRACT_PROXY</c> set to a directory (CI does), every SDK request goes through Prism, the
/// validating proxy, checking it against sdk/openapi/v2.json: SDK → Prism → a loopback bridge → the in-process
/// platform. Prism's findings are appended to <c>prism.log</c> in that directory and CI fails on any violation.
/// Without the variable the SDK talks to the in-process platform directly.
/// </summary>
public sealed class ContractProxy : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<PlatformFactory, Task<ContractProxy>> Proxies = new();
    private static readonly string? LogDirectory = Environment.GetEnvironmentVariable("SDK_CONTRACT_PROXY") is { Length: > 0 } d ? d : null;

    private readonly WebApplication bridge;
    private readonly Process prism;

    private ContractProxy(WebApplication bridge, Process prism, Uri baseAddress)
    {
        this.bridge = bridge;
        this.prism = prism;
        BaseAddress = baseAddress;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public Uri BaseAddress { get; }

    /// <summary>Where an SDK under test sends its requests, and the handler it sends them with.</summary>
    public static async Task<(Uri BaseAddress, HttpMessageHandler Handler)> EndpointAsync(PlatformFactory platform)
    {
        if (LogDirectory is null)
        {
            return (platform.Server.BaseAddress, platform.Server.CreateHandler());
        }
        var proxy = await Proxies.GetValue(platform, p => StartAsync(p, LogDirectory));
        return (proxy.BaseAddress, new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    private static async Task<ContractProxy> StartAsync(PlatformFactory platform, string logDirectory)
    {
        var bridge = StartBridge(platform);
        await bridge.StartAsync();
        var upstream = bridge.Urls.Single();
        var port = FreePort();
        var sdkDirectory = SdkDirectory();
        var prism = Process.Start(new ProcessStartInfo(Path.Combine(sdkDirectory, "node_modules", ".bin", "prism"))
        {
            ArgumentList = { "proxy", Path.Combine(sdkDirectory, "openapi", "v2.json"), upstream, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = sdkDirectory,
        }) ?? throw new InvalidOperationException("Prism did not start.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Directory.CreateDirectory(logDirectory);
        var log = Path.Combine(logDirectory, "prism.log");
        void Record(string? line)
        {
            if (line is null) return;
            if (line.Contains("Prism is listening", StringComparison.Ordinal)) listening.TrySetResult();
            if (line.Contains("Violation", StringComparison.Ordinal) || line.Contains("✖", StringComparison.Ordinal) || line.Contains("Request received", StringComparison.Ordinal))
            {
                lock (Proxies) File.AppendAllText(log, line + Environment.NewLine);
            }
        }
        prism.OutputDataReceived += (_, e) => Record(e.Data);
        prism.ErrorDataReceived += (_, e) => Record(e.Data);
        prism.BeginOutputReadLine();
        prism.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            prism.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Prism did not listen on {port} within 60 s; is `npm ci` done in {sdkDirectory}?");
        }
        return new ContractProxy(bridge, prism, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>A real loopback port in front of the in-process platform, because Prism can only proxy to one.</summary>
    private static WebApplication StartBridge(PlatformFactory platform)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var client = new HttpMessageInvoker(platform.Server.CreateHandler());
        app.Run(async context =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
                new Uri(platform.Server.BaseAddress, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent()));
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                request.Content = new ByteArrayContent(body.ToArray());
            }
            foreach (var (name, values) in context.Request.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
            }
            using var response = await client.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SdkDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "openapi", "v2.json")) && Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("sdk/ with openapi/v2.json and node_modules not found above the test binaries.");
    }

    private void Stop()
    {
        if (!prism.HasExited) prism.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await bridge.DisposeAsync();
    }
}
