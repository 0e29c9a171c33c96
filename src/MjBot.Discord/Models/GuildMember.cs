namespace MjBot.Discord.Models;

/// <summary>A server member as an interaction carries it.</summary>
/// <param name="Roles">Role ids.</param>
public sealed record GuildMember(IReadOnlyList<Snowflake> Roles)
{
    /// <summary>Gets the user.</summary>
    public User? User { get; init; }

    /// <summary>Gets the nickname.</summary>
    public string? Nick { get; init; }

    /// <summary>Gets the member's permissions in the channel, overwrites included (checked server-side by MjBot,
    /// whatever a server grants its commands to).</summary>
    public Permissions? Permissions { get; init; }

    /// <summary>Gets when the member joined.</summary>
    public DateTimeOffset? JoinedAt { get; init; }
}
