namespace MjBot.Core.Moderation;

/// <summary>A member barred from MjBot in one server.</summary>
public sealed record MemberBan(ulong GuildId, ulong UserId, string? Reason, ulong BannedBy, DateTimeOffset At);
