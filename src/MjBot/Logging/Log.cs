using Microsoft.Extensions.Logging;

namespace MjBot.Logging;

/// <summary>The host's log messages (source-generated; stable event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ConfigurationValid", Level = LogLevel.Information,
        Message = "Configuration is valid: default backend {Backend}, data folder {DataFolder}")]
    public static partial void ConfigurationValid(this ILogger logger, string backend, string dataFolder);

    [LoggerMessage(EventId = 21, EventName = "DataFolderUnusable", Level = LogLevel.Critical, Message = "{Sentence}")]
    public static partial void DataFolderUnusable(this ILogger logger, string sentence);

    [LoggerMessage(EventId = 2, EventName = "NoBackend", Level = LogLevel.Critical,
        Message = "The default backend \"{Backend}\" is not available in this build ({Available}); MjBot cannot make images, so it stops")]
    public static partial void NoBackend(this ILogger logger, string backend, string available);

    [LoggerMessage(EventId = 3, EventName = "StatusEditFailed", Level = LogLevel.Warning,
        Message = "Could not update the message of job {JobId}: Discord answered {Status} (code {Code})")]
    public static partial void StatusEditFailed(this ILogger logger, string jobId, int status, int code);

    [LoggerMessage(EventId = 4, EventName = "JobAttemptFailed", Level = LogLevel.Warning,
        Message = "Job {JobId} attempt {Attempt} failed: {Reason}")]
    public static partial void JobAttemptFailed(this ILogger logger, string jobId, int attempt, string reason, Exception? exception);

    [LoggerMessage(EventId = 5, EventName = "JobRunCrashed", Level = LogLevel.Error,
        Message = "Job {JobId} could not be saved or posted; it will be finished at the next start")]
    public static partial void JobRunCrashed(this ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "Recovered", Level = LogLevel.Information,
        Message = "Recovered the queue: {Requeued} interrupted jobs back in line, {Undelivered} finished jobs posted")]
    public static partial void Recovered(this ILogger logger, int requeued, int undelivered);

    [LoggerMessage(EventId = 7, EventName = "InteractionFailed", Level = LogLevel.Error,
        Message = "Handling interaction {InteractionId} ({What}) failed")]
    public static partial void InteractionFailed(this ILogger logger, string interactionId, string what, Exception exception);

    [LoggerMessage(EventId = 8, EventName = "GatewayStopped", Level = LogLevel.Critical,
        Message = "MjBot stops: {Reason}")]
    public static partial void GatewayStopped(this ILogger logger, string reason);

    [LoggerMessage(EventId = 9, EventName = "CommandsRegistered", Level = LogLevel.Information,
        Message = "Slash commands registered ({Scope})")]
    public static partial void CommandsRegistered(this ILogger logger, string scope);

    [LoggerMessage(EventId = 10, EventName = "OnnxNotReady", Level = LogLevel.Critical,
        Message = "The default backend \"onnx\" (local Stable Diffusion) is not ready, so MjBot stops: {Problems}")]
    public static partial void OnnxNotReady(this ILogger logger, string problems);

    [LoggerMessage(EventId = 11, EventName = "OperationsListening", Level = LogLevel.Information,
        Message = "Health and metrics endpoints listening on {Address} (/healthz, /readyz, /metrics)")]
    public static partial void OperationsListening(this ILogger logger, string address);

    [LoggerMessage(EventId = 12, EventName = "RetentionRan", Level = LogLevel.Information,
        Message = "Retention ({Days} days): deleted {Jobs} jobs and {Files} image files")]
    public static partial void RetentionRan(this ILogger logger, int days, int jobs, int files);

    [LoggerMessage(EventId = 13, EventName = "RetentionFailed", Level = LogLevel.Error,
        Message = "Retention failed; it runs again tomorrow")]
    public static partial void RetentionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 14, EventName = "Draining", Level = LogLevel.Information,
        Message = "Stopping: {Running} running jobs get up to {GraceSeconds} s to finish; the rest resume at the next start")]
    public static partial void Draining(this ILogger logger, int running, int graceSeconds);

    [LoggerMessage(EventId = 15, EventName = "JobStarted", Level = LogLevel.Information,
        Message = "Job started: {Kind} on {Backend}, attempt {Attempt}")]
    public static partial void JobStarted(this ILogger logger, string kind, string backend, int attempt);

    [LoggerMessage(EventId = 16, EventName = "JobEnded", Level = LogLevel.Information,
        Message = "Job ended: {Status}")]
    public static partial void JobEnded(this ILogger logger, string status);

    [LoggerMessage(EventId = 17, EventName = "OperationsListenFailed", Level = LogLevel.Error,
        Message = "Health and metrics endpoints could not listen on {Address} ({Reason}); the bot runs without them. Set Operations:HttpPort to a free port, or Operations:HttpEnabled to false")]
    public static partial void OperationsListenFailed(this ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 18, EventName = "ApplicationIdMismatch", Level = LogLevel.Warning,
        Message = "Discord:ApplicationId is {Configured}, but Discord says this bot's application is {Actual}; results cannot be posted until Discord:ApplicationId is corrected or removed")]
    public static partial void ApplicationIdMismatch(this ILogger logger, ulong configured, ulong actual);

    [LoggerMessage(EventId = 19, EventName = "ApplicationIdFailed", Level = LogLevel.Warning,
        Message = "Could not read the bot's application id from Discord (attempt {Attempt}: {Reason}); retrying in {DelaySeconds} s")]
    public static partial void ApplicationIdFailed(this ILogger logger, int attempt, string reason, int delaySeconds);

    [LoggerMessage(EventId = 20, EventName = "InteractionExpired", Level = LogLevel.Warning,
        Message = "Interaction {InteractionId} ({What}) could no longer be answered: Discord allows 3 seconds for the first answer and 15 minutes for the rest (it may have arrived late, replayed after a restart)")]
    public static partial void InteractionExpired(this ILogger logger, string interactionId, string what);

    [LoggerMessage(EventId = 40, EventName = "BlockedImagesNotShown", Level = LogLevel.Warning,
        Message = "Job {JobId} was blocked by the safety checker, but its images could not be posted for the moderators in channel {ChannelId}: {Reason}")]
    public static partial void BlockedImagesNotShown(this ILogger logger, string jobId, ulong channelId, string reason);

    [LoggerMessage(EventId = 41, EventName = "ClipScoreSkipped", Level = LogLevel.Warning,
        Message = "Job {JobId} is posted without CLIP scores: {Reason}")]
    public static partial void ClipScoreSkipped(this ILogger logger, string jobId, string reason);
}
