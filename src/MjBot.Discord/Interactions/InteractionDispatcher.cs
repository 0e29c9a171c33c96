using System.Text.Json;
using Microsoft.Extensions.Logging;
using MjBot.Discord.Gateway;
using MjBot.Discord.Models;

namespace MjBot.Discord.Interactions;

/// <summary>Turns INTERACTION_CREATE dispatches into typed interactions and starts the handler on a task of its own
/// for each, so a slow handler never holds up the gateway; a duplicate delivery (same interaction id) is dropped.
/// Other events go to the optional next handler (reactions, say), or are ignored.</summary>
public sealed partial class InteractionDispatcher : IGatewayDispatchHandler
{
    private readonly IInteractionHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly RecentIds _recent = new(10_000);
    private readonly IGatewayDispatchHandler? _next;
    private int _running;

    public InteractionDispatcher(IInteractionHandler handler, ILogger<InteractionDispatcher> logger, CancellationToken stopping, IGatewayDispatchHandler? next = null)
    {
        _next = next;
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        _handler = handler;
        _logger = logger;
        _stopping = stopping;
    }

    /// <summary>Gets how many handlers are running now.</summary>
    public int Running => Volatile.Read(ref _running);

    public void OnDispatch(GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (dispatch.Name != "INTERACTION_CREATE")
        {
            _next?.OnDispatch(dispatch);
            return;
        }

        var interaction = dispatch.Data.Deserialize(DiscordJsonContext.Default.Interaction) ?? throw new JsonException("INTERACTION_CREATE without data.");
        if (!_recent.TryAdd(interaction.Id))
        {
            Duplicate(interaction.Id.ToString());
            return;
        }

        _ = RunAsync(interaction);
    }

    private async Task RunAsync(Interaction interaction)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await Task.Yield();
            await _handler.HandleAsync(interaction, _stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The bot is stopping; the handler gave up, as asked.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HandlerFailed(interaction.Type.ToString(), interaction.Id.ToString(), ex);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Interaction {InteractionId} arrived twice; the copy is dropped")]
    private partial void Duplicate(string interactionId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "The handler for a {InteractionType} interaction ({InteractionId}) failed")]
    private partial void HandlerFailed(string interactionType, string interactionId, Exception exception);
}
