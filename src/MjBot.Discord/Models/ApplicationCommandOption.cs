namespace MjBot.Discord.Models;

/// <summary>A command option definition.</summary>
/// <param name="Type">The option type (1 subcommand, 3 string, 4 integer, 5 boolean, 6 user …).</param>
/// <param name="Name">The option name.</param>
/// <param name="Description">What it is for.</param>
public sealed record ApplicationCommandOption(int Type, string Name, string Description)
{
    /// <summary>Gets the name in other languages, by Discord locale: 1–32 characters, lower case, Discord's name
    /// characters (checked by <c>CommandDefinitionRules</c> before registration).</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>Gets the description in other languages, by Discord locale: 1–100 characters.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    /// <summary>Gets whether it must be filled in.</summary>
    public bool? Required { get; init; }

    /// <summary>Gets fixed choices.</summary>
    public IReadOnlyList<AutocompleteChoice>? Choices { get; init; }

    /// <summary>Gets a subcommand's options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Gets whether values are suggested by autocomplete.</summary>
    public bool? Autocomplete { get; init; }

    /// <summary>Gets a number option's minimum.</summary>
    public double? MinValue { get; init; }

    /// <summary>Gets a number option's maximum.</summary>
    public double? MaxValue { get; init; }

    /// <summary>Gets a string option's minimum length.</summary>
    public int? MinLength { get; init; }

    /// <summary>Gets a string option's maximum length (6000 for /imagine's prompt).</summary>
    public int? MaxLength { get; init; }
}
