using System.Net;

namespace MjBot.Discord.Rest;

/// <summary>The HTTP stack under the Discord client: HTTP/2 where Discord offers it (one connection carries many
/// requests), and at most 32 HTTP/1.1 connections otherwise, so a burst of a thousand interactions does not leave a
/// thousand pooled sockets and their buffers behind; idle connections close after 30 s.</summary>
public static class DiscordHttp
{
    public static SocketsHttpHandler Handler() => new()
    {
        MaxConnectionsPerServer = 32,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        EnableMultipleHttp2Connections = true,
        AutomaticDecompression = DecompressionMethods.None,
    };
}
