namespace MjBot.Bot;

/// <summary>Who the bot is on Discord: the application id, known from configuration or from READY. Webhook routes
/// (follow-ups, @original) need it; delivery waits for it after a restart.</summary>
internal sealed class BotIdentity
{
    private readonly TaskCompletionSource<ulong> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ulong> ApplicationId => _applicationId.Task;

    public void Learned(ulong applicationId) => _applicationId.TrySetResult(applicationId);
}
