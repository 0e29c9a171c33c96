using MjBot.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Logging;

namespace MjBot.Gateway;

/// <summary>Who the bot is on Discord: the application id, from Discord:ApplicationId when set, else from READY, or
/// (after a start that resumed the last session, which brings no READY) from GET /applications/@me. Webhook routes
/// (follow-ups, @original) need it; delivery waits for it after a restart.</summary>
internal sealed class BotIdentity
{
    private readonly TaskCompletionSource<ulong> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<BotIdentity> _logger;

    public BotIdentity(IOptions<DiscordOptions> options, ILogger<BotIdentity> logger)
    {
        _logger = logger;
        if (options.Value.ApplicationId is { } configured)
        {
            _applicationId.TrySetResult(configured);
        }
    }

    public Task<ulong> ApplicationId => _applicationId.Task;

    /// <summary>Takes the id Discord reported; a configured id that disagrees is named in a warning.</summary>
    public void Learned(ulong applicationId)
    {
        if (!_applicationId.TrySetResult(applicationId) && _applicationId.Task.Result != applicationId)
        {
            _logger.ApplicationIdMismatch(_applicationId.Task.Result, applicationId);
        }
    }
}
