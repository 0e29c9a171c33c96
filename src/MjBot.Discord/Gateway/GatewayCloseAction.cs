namespace MjBot.Discord.Gateway;

/// <summary>What the client does after the gateway connection closes.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to resume_gateway_url and RESUME the session.</summary>
    Resume,

    /// <summary>Reconnect and IDENTIFY a new session.</summary>
    Identify,

    /// <summary>Stop: reconnecting cannot help (bad token, bad intents …); the host stops with one clear log line.</summary>
    Stop,
}
