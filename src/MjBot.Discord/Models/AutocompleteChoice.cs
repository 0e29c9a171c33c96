using System.Text.Json;

namespace MjBot.Discord.Models;

/// <summary>An autocomplete or command-option choice.</summary>
/// <param name="Name">What the user sees.</param>
/// <param name="Value">What the bot receives (string or number).</param>
public sealed record AutocompleteChoice(string Name, JsonElement Value);
