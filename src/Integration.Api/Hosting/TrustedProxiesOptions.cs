namespace Integration.Api.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For/Proto/Host</c> the platform believes. None by default:
/// a client cannot claim another address (rate limits, audit) or scheme by sending the headers itself.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies a request passes through before reaching an instance.</summary>
    public int ForwardLimit { get; set; } = 1;
}
