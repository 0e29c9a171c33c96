using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.State;

/// <summary>Everything the emulated Discord knows: interactions by id and by token, messages, registered commands.</summary>
internal sealed class EmulatorState
{
    public ConcurrentDictionary<ulong, EmulatedInteraction> Interactions { get; } = new();

    public ConcurrentDictionary<string, EmulatedInteraction> InteractionsByToken { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<ulong, EmulatedMessage> Messages { get; } = new();

    /// <summary>Gets the commands last registered, by scope ("global" or the guild id).</summary>
    public ConcurrentDictionary<string, JsonArray> Commands { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets files members attached to commands (attachment options), by id.</summary>
    public ConcurrentDictionary<ulong, EmulatedAttachment> Uploads { get; } = new();

    /// <summary>Gets how many times commands were registered, by scope.</summary>
    public ConcurrentDictionary<string, int> CommandRegistrations { get; } = new(StringComparer.Ordinal);
}
