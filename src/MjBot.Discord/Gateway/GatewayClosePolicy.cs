namespace MjBot.Discord.Gateway;

/// <summary>Discord's gateway close codes (v10) mapped to MjBot's policy: 4004 and 4010–4014 stop; 4003, 4005, 4007
/// and 4009 start a new session; anything else, including no close code at all, resumes.</summary>
public static class GatewayClosePolicy
{
    /// <summary>Decides what to do after a close.</summary>
    /// <param name="closeCode">The close code, or <see langword="null"/> when the connection dropped without one.</param>
    /// <returns>The action and the reason.</returns>
    public static GatewayCloseDecision Decide(int? closeCode) => closeCode switch
    {
        null => new(GatewayCloseAction.Resume, "the connection dropped without a close code"),
        4000 => new(GatewayCloseAction.Resume, "unknown error (4000)"),
        4001 => new(GatewayCloseAction.Resume, "Discord did not understand an opcode we sent (4001)"),
        4002 => new(GatewayCloseAction.Resume, "Discord could not decode a payload we sent (4002)"),
        4003 => new(GatewayCloseAction.Identify, "not authenticated (4003)"),
        4004 => new(GatewayCloseAction.Stop, "Discord rejected the bot token (4004): set a valid Discord:Token (Developer Portal → your application → Bot → Reset Token)"),
        4005 => new(GatewayCloseAction.Identify, "already authenticated (4005)"),
        4007 => new(GatewayCloseAction.Identify, "invalid sequence on resume (4007)"),
        4008 => new(GatewayCloseAction.Resume, "sent too fast (4008)"),
        4009 => new(GatewayCloseAction.Identify, "session timed out (4009)"),
        4010 => new(GatewayCloseAction.Stop, "Discord refused the shard (4010): check the shard settings"),
        4011 => new(GatewayCloseAction.Stop, "Discord requires sharding for this bot (4011): it is in more than 2,500 servers, which MjBot does not support yet"),
        4012 => new(GatewayCloseAction.Stop, "Discord refused the gateway API version (4012): MjBot needs an update"),
        4013 => new(GatewayCloseAction.Stop, "Discord refused the gateway intents (4013): MjBot needs an update"),
        4014 => new(GatewayCloseAction.Stop, "Discord refused a privileged intent that is not enabled for this bot (4014): MjBot asks for none, so report this as a bug"),
        _ => new(GatewayCloseAction.Resume, $"close code {closeCode}"),
    };
}
