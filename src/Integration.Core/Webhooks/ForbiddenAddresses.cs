using System.Net;
using System.Net.Sockets;

namespace Integration.Core.Webhooks;

/// <summary>
/// Addresses a webhook must never reach (SSRF guard): loopback, private, shared (CGNAT),
/// link-local (incl. the 169.254.169.254 cloud-metadata service), multicast, unspecified, reserved,
/// benchmarking and documentation ranges, IPv6 unique-local, and IPv4 ones embedded in IPv6.
/// </summary>
public static class ForbiddenAddresses
{
    private static readonly (IPAddress Network, int PrefixLength)[] V4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24), (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int PrefixLength)[] V6 =
    [
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("::1"), 128), (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("2001:db8::"), 32), (IPAddress.Parse("100::"), 64),
    ];

    private static readonly IPNetwork Nat64 = new(IPAddress.Parse("64:ff9b::"), 96);

    public static bool IsForbidden(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return IsForbidden(address.MapToIPv4());
            }
            if (Nat64.Contains(address))
            {
                return IsForbidden(new IPAddress(address.GetAddressBytes()[12..]));
            }
            return V6.Any(n => new IPNetwork(n.Network, n.PrefixLength).Contains(address));
        }
        return V4.Any(n => new IPNetwork(n.Network, n.PrefixLength).Contains(address));
    }
}
