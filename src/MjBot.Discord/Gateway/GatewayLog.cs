using Microsoft.Extensions.Logging;

namespace MjBot.Discord.Gateway;

/// <summary>The gateway client's log messages (source-generated; stable event ids in 2100–2199). None carries a
/// token: IDENTIFY and RESUME payloads are never logged.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Connecting to the gateway at {Host} to {Purpose}")]
    public static partial void Connecting(this ILogger logger, string host, string purpose);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Connected to Discord as {UserName} (application {ApplicationId}, servers: {GuildCount}, session started)")]
    public static partial void Ready(this ILogger logger, string userName, string applicationId, int guildCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Resumed the gateway session; missed events were replayed")]
    public static partial void Resumed(this ILogger logger);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "The gateway connection ended ({Reason}); reconnecting to {Next} in {DelayMs} ms")]
    public static partial void Reconnecting(this ILogger logger, string reason, string next, long delayMs);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Critical, Message = "Discord closed the gateway for good: {Reason}")]
    public static partial void Fatal(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "The identify budget is spent for now; waiting {WaitSeconds} s before the next IDENTIFY")]
    public static partial void IdentifyWaiting(this ILogger logger, long waitSeconds);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "A dispatch handler failed on {EventName}; the connection carries on")]
    public static partial void HandlerFailed(this ILogger logger, string eventName, Exception exception);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void GatewayUrlFailed(this ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "Kept the gateway session (sequence {Sequence}) for a restart to resume; Discord holds it for a few minutes")]
    public static partial void SessionSaved(this ILogger logger, int sequence);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Could not keep the gateway session for a restart ({Reason}); the next start signs in anew")]
    public static partial void SessionNotSaved(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "Resuming the gateway session kept at the last stop ({AgeSeconds} s ago, sequence {Sequence})")]
    public static partial void SessionRestored(this ILogger logger, long ageSeconds, int sequence);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "The gateway session kept at the last stop is {AgeSeconds} s old, past the {MaxSeconds} s Discord may keep it; signing in anew")]
    public static partial void SavedSessionTooOld(this ILogger logger, long ageSeconds, long maxSeconds);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "The gateway session kept at the last stop cannot be read ({Reason}); signing in anew")]
    public static partial void SavedSessionUnreadable(this ILogger logger, string reason);
}
