namespace MjBot.Discord.Gateway;

/// <summary>What the connection does when a heartbeat is due.</summary>
public enum HeartbeatAction
{
    /// <summary>Send a heartbeat with the last sequence number.</summary>
    Send,

    /// <summary>The last heartbeat was never acknowledged: the connection is a zombie. Close it with a non-1000/1001
    /// code (4000) so the session survives, and resume.</summary>
    Zombie,
}
