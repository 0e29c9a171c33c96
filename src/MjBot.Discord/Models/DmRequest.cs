namespace MjBot.Discord.Models;

/// <summary>The body of POST /users/@me/channels.</summary>
/// <param name="RecipientId">The user to open a DM with.</param>
public sealed record DmRequest(Snowflake RecipientId);
