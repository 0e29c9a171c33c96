namespace MjBot.RemoteLinks;

/// <summary>Thrown inside the connect callback when a host resolves to an address a link may not reach, so that the
/// request fails before any byte is sent there.</summary>
internal sealed class AddressRefusedException(string host) : Exception($"{host} resolves to a private or local network address.")
{
    public string Host { get; } = host;
}
