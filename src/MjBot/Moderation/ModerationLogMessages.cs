using Microsoft.Extensions.Logging;

namespace MjBot.Moderation;

/// <summary>Moderation's log messages (source-generated; stable event ids 300–399).</summary>
internal static partial class ModerationLogMessages
{
    [LoggerMessage(EventId = 301, EventName = "UnusableRule", Level = LogLevel.Warning,
        Message = "Server {GuildId} has a disallow rule that no longer validates and is skipped: mode {Mode}")]
    public static partial void UnusableRule(this ILogger logger, ulong guildId, string mode);

    [LoggerMessage(EventId = 302, EventName = "RuleTimedOut", Level = LogLevel.Warning,
        Message = "A regex rule of server {GuildId} ran out of time on a prompt and counted as a match; moderators should simplify it")]
    public static partial void RuleTimedOut(this ILogger logger, ulong guildId);

    [LoggerMessage(EventId = 303, EventName = "PromptStopped", Level = LogLevel.Information,
        Message = "Prompt from member {UserId} in server {GuildId} {Outcome} by a rule in category {Category} (review {ReviewId})")]
    public static partial void PromptStopped(this ILogger logger, ulong userId, ulong guildId, string outcome, string category, string reviewId);

    [LoggerMessage(EventId = 304, EventName = "NoReviewChannel", Level = LogLevel.Warning,
        Message = "Server {GuildId} has review rules or appeals but no review channel; set one with /modconfig review-channel")]
    public static partial void NoReviewChannel(this ILogger logger, ulong guildId);

    [LoggerMessage(EventId = 305, EventName = "MemberNotTold", Level = LogLevel.Warning,
        Message = "Could not tell member {UserId} the outcome of review {ReviewId}: Discord answered {Status} ({Code})")]
    public static partial void MemberNotTold(this ILogger logger, ulong userId, string reviewId, int status, int code);
}
