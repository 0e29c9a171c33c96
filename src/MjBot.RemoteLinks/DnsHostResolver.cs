using System.Net;

namespace MjBot.RemoteLinks;

/// <summary>The system resolver. An address literal (in any spelling the system accepts: dotted, decimal, octal,
/// hexadecimal, bracketed IPv6) is parsed rather than looked up.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
