using Yarp.ReverseProxy.Configuration;

// A local load balancer for scripts/cluster-up: one public address in front of several platform
// instances, round robin, with X-Forwarded-For/Proto/Host set as a real edge would set them.
// Usage: Integration.ClusterProxy --urls http://127.0.0.1:5100 --backends http://127.0.0.1:5101,http://127.0.0.1:5102
var builder = WebApplication.CreateBuilder(args);
var backends = (builder.Configuration["backends"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (backends.Length == 0)
{
    Console.Error.WriteLine("Name the instances: --backends http://127.0.0.1:5101,http://127.0.0.1:5102");
    return 2;
}
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "platform", ClusterId = "instances", Match = new RouteMatch { Path = "{**path}" } }],
    [new ClusterConfig
    {
        ClusterId = "instances",
        LoadBalancingPolicy = "RoundRobin",
        HealthCheck = new HealthCheckConfig
        {
            // An instance that stops answering is taken out of the rotation until it is ready again.
            Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(1), Path = "/health/ready" },
        },
        Destinations = backends.Select((url, i) => (url, i)).ToDictionary(b => $"instance-{b.i + 1}", b => new DestinationConfig { Address = b.url }),
    }]);
var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
return 0;
