namespace MjBot.Discord.Models;

/// <summary>MESSAGE_REACTION_ADD: who reacted with what to which message (needs the GUILD_MESSAGE_REACTIONS intent,
/// which is not privileged).</summary>
/// <param name="UserId">Who reacted.</param>
/// <param name="ChannelId">The message's channel.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Emoji">The emoji (a unicode emoji has only a name).</param>
public sealed record MessageReactionAdd(Snowflake UserId, Snowflake ChannelId, Snowflake MessageId, Emoji Emoji)
{
    /// <summary>Gets the server, when in one.</summary>
    public Snowflake? GuildId { get; init; }
}
