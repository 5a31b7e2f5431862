using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Integration.Core.Webhooks;

/// <summary>
/// Addresses a webhook must never reach (SSRF guard): loopback, private, shared (CGNAT),
/// link-local (incl. the 169.254.169.254 cloud-metadata service), multicast, unspecified, reserved,
/// benchmarking and documentation ranges, IPv6 unique-local, site-local and documentation ranges,
/// and every IPv6 form that carries an IPv4 address (judged by that address).
/// </summary>
public static class ForbiddenAddresses
{
    private static readonly IPNetwork[] V4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] V6 =
    [
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("100::/64"),
        // Local-use NAT64 (RFC 8215): translates into the operator's own network.
        IPNetwork.Parse("64:ff9b:1::/48"),
    ];

    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork IPv4Translated = IPNetwork.Parse("::ffff:0:0:0/96");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    public static bool IsForbidden(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return V4.Any(n => n.Contains(address));
        }
        if (V6.Any(n => n.Contains(address)))
        {
            return true;
        }
        // A router or the host's stack may deliver these to the IPv4 address inside, so they are only as safe as it is.
        return EmbeddedIPv4(address).Any(IsForbidden);
    }

    private static IEnumerable<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6 || IPv4Compatible.Contains(address) || IPv4Translated.Contains(address) || Nat64.Contains(address))
        {
            yield return new IPAddress(bytes[12..]);
        }
        else if (SixToFour.Contains(address))
        {
            yield return new IPAddress(bytes[2..6]);
        }
        else if (Teredo.Contains(address))
        {
            yield return new IPAddress(bytes[4..8]); // the Teredo server
            var client = ~BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(12)); // the client, stored inverted
            var clientBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(clientBytes, client);
            yield return new IPAddress(clientBytes);
        }
    }
}
