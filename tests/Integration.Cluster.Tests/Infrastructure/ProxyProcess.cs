using System.Diagnostics;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>The local load balancer of scripts/cluster-up (src/Integration.ClusterProxy) in front of instances.</summary>
public sealed class ProxyProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ProxyProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<ProxyProcess> StartAsync(int port, params InstanceProcess[] instances)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                InstanceProcess.BuiltAssembly("Integration.ClusterProxy"), "--urls", $"http://127.0.0.1:{port}",
                "--backends", string.Join(',', instances.Select(i => i.BaseAddress.ToString().TrimEnd('/'))),
                "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var proxy = new ProxyProcess(Process.Start(start)!, port);
        proxy._process.OutputDataReceived += (_, _) => { };
        proxy._process.ErrorDataReceived += (_, _) => { };
        proxy._process.BeginOutputReadLine();
        proxy._process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            try { return (await probe.GetAsync("health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, TimeSpan.FromSeconds(60), "the proxy answering");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
