using System.Text.Json;

namespace MjBot.Discord.Models;

/// <summary>An autocomplete or command-option choice.</summary>
/// <param name="Name">What the user sees.</param>
/// <param name="Value">What the bot receives (string or number).</param>
public sealed record AutocompleteChoice(string Name, JsonElement Value)
{
    /// <summary>Gets the name in other languages, by Discord locale (<c>ko</c>, <c>ja</c> …).</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
}
