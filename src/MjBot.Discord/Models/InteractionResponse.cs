namespace MjBot.Discord.Models;

/// <summary>The body of POST /interactions/{id}/{token}/callback.</summary>
/// <param name="Type">The callback type.</param>
/// <param name="Data">The message, choices or modal.</param>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null);
