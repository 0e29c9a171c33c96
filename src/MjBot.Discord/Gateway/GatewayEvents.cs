using System.Text.Json;
using MjBot.Discord.Models;

namespace MjBot.Discord.Gateway;

/// <summary>Typed readers for the dispatches MjBot uses besides interactions.</summary>
public static class GatewayEvents
{
    /// <summary>Reads MESSAGE_REACTION_ADD; null for any other event.</summary>
    public static MessageReactionAdd? ReactionAdd(GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return dispatch.Name == "MESSAGE_REACTION_ADD" ? dispatch.Data.Deserialize(DiscordJsonContext.Default.MessageReactionAdd) : null;
    }

    /// <summary>Reads READY; null for any other event.</summary>
    public static ReadyData? Ready(GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return dispatch.Name == "READY" ? dispatch.Data.Deserialize(DiscordJsonContext.Default.ReadyData) : null;
    }
}
