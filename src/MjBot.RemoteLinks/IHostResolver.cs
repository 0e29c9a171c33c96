using System.Net;

namespace MjBot.RemoteLinks;

/// <summary>Turns a host name into addresses (the system resolver in production).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
