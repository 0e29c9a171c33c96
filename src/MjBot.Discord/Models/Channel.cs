namespace MjBot.Discord.Models;

/// <summary>A partial channel.</summary>
/// <param name="Id">The channel id.</param>
/// <param name="Type">The channel type (0 text, 1 DM, …).</param>
public sealed record Channel(Snowflake Id, int Type)
{
    /// <summary>Gets the name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the server id.</summary>
    public Snowflake? GuildId { get; init; }

    /// <summary>Gets whether the channel is age-restricted.</summary>
    public bool? Nsfw { get; init; }
}
