using System.Diagnostics;
using StackExchange.Redis;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>A real redis-server of the test's own, on a free loopback port, that a test may stop and start again.</summary>
public sealed class OwnRedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("redis-").FullName;
    private Process? _process;

    public int Port { get; } = ServerTools.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<OwnRedisServer> StartAsync()
    {
        var server = new OwnRedisServer();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(ServerTools.RedisServer ?? throw new InvalidOperationException(ServerTools.Missing))
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--dir", _folder },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Kills the server, as a crash or a network cut would look to its clients.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
