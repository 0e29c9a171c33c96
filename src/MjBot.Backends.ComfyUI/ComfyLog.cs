using Microsoft.Extensions.Logging;

namespace MjBot.Backends.ComfyUI;

internal static partial class ComfyLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "ComfyUI server {Server} is up: ComfyUI {Version}, {Checkpoints} checkpoints, {Loras} LoRAs")]
    public static partial void ServerUp(this ILogger logger, string server, string version, int checkpoints, int loras);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "ComfyUI server {Server} is unavailable: {Problem}")]
    public static partial void ServerDown(this ILogger logger, string server, string problem);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Workflow {Workflow} cannot run on ComfyUI server {Server}: {Problems}")]
    public static partial void WorkflowUnusable(this ILogger logger, string workflow, string server, string problems);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Prompt {PromptId} queued on ComfyUI server {Server}")]
    public static partial void PromptQueued(this ILogger logger, string promptId, string server);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Prompt {PromptId} found again on ComfyUI server {Server} ({State}): not queued a second time")]
    public static partial void PromptFound(this ILogger logger, string promptId, string server, string state);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Prompt {PromptId} lost with ComfyUI server {Server} ({Problem}); trying another server")]
    public static partial void PromptMoved(this ILogger logger, string promptId, string server, string problem);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Prompt {PromptId} could not be cancelled on ComfyUI server {Server}: {Problem}")]
    public static partial void CancelFailed(this ILogger logger, string promptId, string server, string problem);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "The WebSocket of prompt {PromptId} on {Server} was quiet for {Seconds} s; its history was read")]
    public static partial void SocketStalled(this ILogger logger, string promptId, string server, int seconds);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "A preview of prompt {PromptId} could not be read: {Problem}")]
    public static partial void PreviewUnreadable(this ILogger logger, string promptId, string problem);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Workflow problem: {Problem}")]
    public static partial void WorkflowProblem(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "The WebSocket of prompt {PromptId} on {Server} is reopened (attempt {Attempt}, after {Seconds} s)")]
    public static partial void SocketReopened(this ILogger logger, string promptId, string server, int attempt, double seconds);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "The history entry of prompt {PromptId} on {Server} could not be removed: {Problem}")]
    public static partial void ForgetFailed(this ILogger logger, string promptId, string server, string problem);
}
