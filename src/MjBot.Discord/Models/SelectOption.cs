namespace MjBot.Discord.Models;

/// <summary>One choice of a string select.</summary>
/// <param name="Label">What the user sees.</param>
/// <param name="Value">What the bot receives.</param>
public sealed record SelectOption(string Label, string Value)
{
    /// <summary>Gets the description under the label.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether the option is selected by default.</summary>
    public bool? Default { get; init; }
}
