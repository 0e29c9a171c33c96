using MjBot.Discord.Gateway;

namespace MjBot.Bot;

/// <summary>Sits first in the dispatch chain: READY tells the bot its application id; everything goes on to the next
/// handler (interactions, then reactions).</summary>
internal sealed class ReadyListener(BotIdentity identity) : IGatewayDispatchHandler
{
    public BotIdentity Identity => identity;

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
        }

        Next?.OnDispatch(dispatch);
    }
}
