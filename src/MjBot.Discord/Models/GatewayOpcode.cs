namespace MjBot.Discord.Models;

/// <summary>Gateway opcodes (v10).</summary>
public enum GatewayOpcode
{
    /// <summary>An event was dispatched.</summary>
    Dispatch = 0,

    /// <summary>Heartbeat (sent; received when the server asks for one at once).</summary>
    Heartbeat = 1,

    /// <summary>Start a new session.</summary>
    Identify = 2,

    /// <summary>Resume a dropped session.</summary>
    Resume = 6,

    /// <summary>The server asks the client to reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>The session is invalid; <c>d</c> says whether it can be resumed.</summary>
    InvalidSession = 9,

    /// <summary>Sent on connect, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>Acknowledges a heartbeat.</summary>
    HeartbeatAck = 11,
}
