using MjBot.Discord.Gateway;

namespace MjBot.Bot;

/// <summary>Sits first in the dispatch chain: READY tells the bot its application id; everything goes on to the next
/// handler (interactions, then reactions).</summary>
internal sealed class ReadyListener(BotIdentity identity) : IGatewayDispatchHandler
{
    public BotIdentity Identity => identity;

    public IGatewayDispatchHandler? Next { get; set; }

    public void OnDispatch(GatewayDispatch dispatch)
    {
        if (GatewayEvents.Ready(dispatch) is { } ready)
        {
            identity.Learned(ready.Application.Id.Value);
        }

        Next?.OnDispatch(dispatch);
    }
}
