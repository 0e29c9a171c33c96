using MjBot.Discord.Models;

namespace MjBot.Discord.Interactions;

/// <summary>Handles one interaction: answers it within 3 seconds (or defers) and does the rest after.</summary>
public interface IInteractionHandler
{
    /// <summary>Handles an interaction. Runs on a task of its own; an exception is logged, never rethrown.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancelled when the bot stops.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}
