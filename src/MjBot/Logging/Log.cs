using Microsoft.Extensions.Logging;

namespace MjBot.Logging;

/// <summary>The host's log messages (source-generated; stable event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ConfigurationValid", Level = LogLevel.Information,
        Message = "Configuration is valid: default backend {Backend}, data folder {DataFolder}")]
    public static partial void ConfigurationValid(this ILogger logger, string backend, string dataFolder);

    [LoggerMessage(EventId = 2, EventName = "GatewayNotInBuild", Level = LogLevel.Error,
        Message = "This build of MjBot has no Discord gateway yet (it arrives with the Discord client); there is nothing to connect, so MjBot stops")]
    public static partial void GatewayNotInBuild(this ILogger logger);
}
