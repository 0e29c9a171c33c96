using System.Text.Json;

namespace MjBot.Discord.Models;

/// <summary>An option the user filled in (or a subcommand, with its own options).</summary>
/// <param name="Name">The option name.</param>
/// <param name="Type">The option type (1 subcommand, 3 string, 4 integer, 6 user …).</param>
public sealed record InteractionOption(string Name, int Type)
{
    /// <summary>Gets the value: a string, number or boolean, by type.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Gets the nested options of a subcommand or group.</summary>
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>Gets whether this option has focus (autocomplete).</summary>
    public bool? Focused { get; init; }
}
