using System.Globalization;

namespace Integration.Cluster.Tests.Infrastructure;

/// <summary>
/// The OS packages the cluster suite starts its own servers from (CI installs them with apt-get:
/// postgresql, redis-server). PostgreSQL refuses to run as root, so it runs as the postgres user.
/// </summary>
public static class ServerTools
{
    public static string? RedisServer { get; } = Find("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    public static string? PostgresBin { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;

    /// <summary>Why the cluster suite cannot run on this machine, or null when it can.</summary>
    public static string? Missing =>
        RedisServer is null ? "redis-server is not installed (apt-get install redis-server)"
        : PostgresBin is null ? "PostgreSQL server binaries are not installed (apt-get install postgresql)"
        : null;

    /// <summary>
    /// A free loopback port: any the OS picks, or, when <c>TEST_PORTS</c> names a range (<c>5690-5709</c>), one of those
    /// not handed out before (on a machine where each person may listen on their own ports only).
    /// </summary>
    public static int FreePort()
    {
        if (Environment.GetEnvironmentVariable("TEST_PORTS") is { } range && range.Split('-') is [var first, var last])
        {
            lock (Handed)
            {
                for (var port = int.Parse(first, CultureInfo.InvariantCulture); port <= int.Parse(last, CultureInfo.InvariantCulture); port++)
                {
                    if (!Handed.Contains(port) && CanListen(port))
                    {
                        Handed.Add(port);
                        return port;
                    }
                }
            }
            throw new InvalidOperationException($"No free port left in TEST_PORTS={range}.");
        }
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly HashSet<int> Handed = [];

    private static bool CanListen(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string? Find(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
