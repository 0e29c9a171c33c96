namespace MjBot.Core.Moderation;

/// <summary>Who is asking, as moderation policy needs to know it.</summary>
/// <param name="GuildId">The server, or null in a direct message.</param>
/// <param name="ChannelId">The channel the request came from.</param>
/// <param name="UserId">The member.</param>
/// <param name="IsModerator">Whether the member moderates this channel (moderators skip quotas).</param>
/// <param name="RoleIds">The member's roles in the server (exempt roles skip quotas).</param>
public sealed record MemberContext(ulong? GuildId, ulong ChannelId, ulong UserId, bool IsModerator, IReadOnlyList<ulong> RoleIds)
{
    /// <summary>Gets the member's Discord language (what later answers to them are written in), or null.</summary>
    public string? Locale { get; init; }
}
