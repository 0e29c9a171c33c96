using MjBot.Discord.Gateway;

namespace MjBot.Gateway;

/// <summary>Sits first in the dispatch chain: READY tells the bot its application id, RESUMED that a session is up
/// without one; everything goes on to the next handler (interactions, then reactions).</summary>
internal sealed class ReadyListener(BotIdentity identity) : IGatewayDispatchHandler
{
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BotIdentity Identity => identity;

    /// <summary>Gets a task that completes at the first RESUMED: a start that resumed the last process's session gets
    /// no READY, so the application id has to be asked for.</summary>
    public Task Resumed => _resumed.Task;

    public IGatewayDispatchHandler? Next { get; set; }

    /// <summary>Gets whether a session has been READY (or RESUMED) since the start.</summary>
    public bool HasBeenReady { get; private set; }

    public void OnDispatch(GatewayDispatch dispatch)
    {
        if (GatewayEvents.Ready(dispatch) is { } ready)
        {
            identity.Learned(ready.Application.Id.Value);
            HasBeenReady = true;
        }
        else if (dispatch.Name == "RESUMED")
        {
            HasBeenReady = true;
            _resumed.TrySetResult();
        }

        Next?.OnDispatch(dispatch);
    }
}
