namespace MjBot.Discord.Gateway;

/// <summary>How the gateway client connects and how patiently it reconnects.</summary>
public sealed class GatewayClientOptions
{
    /// <summary>Gets the bot token. A secret: it goes into IDENTIFY and RESUME and nowhere else.</summary>
    public required string Token { get; init; }

    /// <summary>Gets the gateway intents. MjBot needs none that are privileged: interactions arrive without any, and
    /// reactions need GUILD_MESSAGE_REACTIONS (1 &lt;&lt; 10) and DIRECT_MESSAGE_REACTIONS (1 &lt;&lt; 13).</summary>
    /// <value>The default value is 0.</value>
    public int Intents { get; init; }

    /// <summary>Gets whether to ask for zlib-stream transport compression.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool TransportCompression { get; init; } = true;

    /// <summary>Gets how long to wait for HELLO after connecting before giving the connection up.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the longest wait between failed connection attempts (the backoff doubles up to it).</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the shortest wait before a new IDENTIFY after an invalid session that cannot be resumed.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest wait before a new IDENTIFY after an invalid session that cannot be resumed.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how old a session kept at the last stop may be and still be resumed. Discord keeps a session
    /// "for a few minutes" (it does not say how many); a resume it refuses costs one op 9 and a new IDENTIFY.</summary>
    /// <value>The default value is 3 minutes.</value>
    public TimeSpan SavedSessionMaxAge { get; init; } = TimeSpan.FromMinutes(3);
}
