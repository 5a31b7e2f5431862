using System.Diagnostics;
using Npgsql;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server of the test's own (initdb in a temporary folder, a free loopback port),
/// that a test may stop and start again. It runs as the postgres user: PostgreSQL refuses root.
/// </summary>
public sealed class OwnPostgresServer : IAsyncDisposable
{
    private readonly string _folder;

    private OwnPostgresServer()
    {
        _folder = Directory.CreateTempSubdirectory("pg-").FullName;
        Port = ServerTools.FreePort();
    }

    public int Port { get; }

    /// <summary>The superuser's connection, for <see cref="Integration.Api.Tests.Infrastructure.TestDatabase"/>.</summary>
    public string AdminConnection => $"Host=127.0.0.1;Port={Port};Username=postgres;Maximum Pool Size=60";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<OwnPostgresServer> StartAsync()
    {
        var server = new OwnPostgresServer();
        await RunAsync("chown", "postgres:postgres", server._folder);
        await server.AsPostgresAsync("initdb", $"-D {server.Data} -U postgres --auth=trust -E UTF8 --no-locale");
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl",
        $"-D {Data} -l {_folder}/server.log -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c max_connections=200 -c fsync=off\" start");

    /// <summary>A fast shutdown: open connections are cut, as in a restart by an operator or a failover.</summary>
    public async Task StopAsync()
    {
        await AsPostgresAsync("pg_ctl", $"-D {Data} -m fast -w -t 30 stop");
        NpgsqlConnection.ClearAllPools();
    }

    private Task AsPostgresAsync(string tool, string arguments) =>
        RunAsync("su", "postgres", "-s", "/bin/sh", "-c", $"{Path.Combine(ServerTools.PostgresBin!, tool)} {arguments}");

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try { await StopAsync(); } catch (InvalidOperationException) { }
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
