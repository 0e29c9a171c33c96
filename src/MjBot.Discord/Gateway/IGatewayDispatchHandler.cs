namespace MjBot.Discord.Gateway;

/// <summary>Receives the gateway's dispatches on the receive loop. Must return at once: anything slow is handed to a
/// task of its own, so heartbeats and the next frames are never held up.</summary>
public interface IGatewayDispatchHandler
{
    /// <summary>Called for every dispatch, READY and RESUMED included, in sequence order.</summary>
    /// <param name="dispatch">The dispatch.</param>
    void OnDispatch(GatewayDispatch dispatch);
}
