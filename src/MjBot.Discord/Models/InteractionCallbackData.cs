namespace MjBot.Discord.Models;

/// <summary>A callback's data: a message (the shared fields), autocomplete choices, or a modal.</summary>
public sealed record InteractionCallbackData : MessageBody
{
    /// <summary>Gets autocomplete choices (≤ 25).</summary>
    public IReadOnlyList<AutocompleteChoice>? Choices { get; init; }

    /// <summary>Gets a modal's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>Gets a modal's title.</summary>
    public string? Title { get; init; }
}
