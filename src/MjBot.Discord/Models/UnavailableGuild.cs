namespace MjBot.Discord.Models;

/// <summary>A guild as READY lists it: only its id, unavailable until its GUILD_CREATE (sent only with the GUILDS
/// intent, which MjBot does not ask for: everything it needs of a guild comes with each interaction).</summary>
/// <param name="Id">The guild id.</param>
/// <param name="Unavailable">Whether the guild is unavailable (always true in READY).</param>
public sealed record UnavailableGuild(Snowflake Id, bool Unavailable);
