namespace MjBot.Discord.Models;

/// <summary>A Discord user: what MjBot uses.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Username">The user name.</param>
public sealed record User(Snowflake Id, string Username)
{
    /// <summary>Gets the display name.</summary>
    public string? GlobalName { get; init; }

    /// <summary>Gets the legacy discriminator ("0" for migrated users).</summary>
    public string? Discriminator { get; init; }

    /// <summary>Gets the avatar hash.</summary>
    public string? Avatar { get; init; }

    /// <summary>Gets whether the user is a bot.</summary>
    public bool? Bot { get; init; }
}
