using System.Net;
using System.Net.Sockets;

namespace MjBot.RemoteLinks;

/// <summary>Which addresses a member's link may reach: public unicast only. Refused: loopback, private (RFC 1918),
/// link-local (including the cloud metadata address 169.254.169.254), multicast, unspecified and "this network",
/// carrier-grade NAT (100.64/10), benchmark, documentation and reserved IPv4 ranges, and for IPv6 loopback,
/// unspecified, unique-local (fc00::/7), link-local, site-local, multicast and documentation ranges. IPv6 forms that
/// carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by that address.</summary>
public static class AddressPolicy
{
    private static readonly (uint Network, int Bits)[] RefusedV4 =
    [
        (0x00000000, 8), // 0.0.0.0/8 this network, unspecified
        (0x0A000000, 8), // 10/8 private
        (0x64400000, 10), // 100.64/10 carrier-grade NAT
        (0x7F000000, 8), // 127/8 loopback
        (0xA9FE0000, 16), // 169.254/16 link-local, cloud metadata
        (0xAC100000, 12), // 172.16/12 private
        (0xC0000000, 24), // 192.0.0/24 IETF protocol assignments
        (0xC0000200, 24), // 192.0.2/24 documentation
        (0xC0A80000, 16), // 192.168/16 private
        (0xC6120000, 15), // 198.18/15 benchmarking
        (0xC6336400, 24), // 198.51.100/24 documentation
        (0xCB007100, 24), // 203.0.113/24 documentation
        (0xE0000000, 4), // 224/4 multicast
        (0xF0000000, 4), // 240/4 reserved, and 255.255.255.255 broadcast
    ];

    /// <summary>Gets whether a link may reach this address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (EmbeddedV4(address) is { } v4)
        {
            return IsPublicV4(v4);
        }

        var bytes = address.GetAddressBytes();
        return !(IPAddress.IPv6Loopback.Equals(address)
            || IPAddress.IPv6Any.Equals(address)
            || (bytes[0] & 0xFE) == 0xFC // fc00::/7 unique-local
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) is 0x80 or 0xC0) // fe80::/10 link-local, fec0::/10 site-local
            || bytes[0] == 0xFF // ff00::/8 multicast
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) // 2001:db8::/32 documentation
            || (bytes[0] == 0x01 && bytes[1] == 0x00 && bytes.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0)); // 100::/64 discard
    }

    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:ab:cd::).
    private static IPAddress? EmbeddedV4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !IPAddress.IPv6Loopback.Equals(address) && !IPAddress.IPv6Any.Equals(address))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null;
    }

    private static bool IsPublicV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        var value = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        foreach (var (network, bits) in RefusedV4)
        {
            var mask = uint.MaxValue << (32 - bits);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }
}
