namespace MjBot.Discord.Models;

/// <summary>A command definition, as created or bulk-overwritten.</summary>
/// <param name="Name">The command name.</param>
/// <param name="Description">What it does.</param>
public sealed record ApplicationCommand(string Name, string Description)
{
    /// <summary>Gets the name in other languages, by Discord locale: 1–32 characters, lower case, Discord's name
    /// characters (checked by <c>CommandDefinitionRules</c> before registration).</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>Gets the description in other languages, by Discord locale: 1–100 characters.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    /// <summary>Gets the command type (1 slash).</summary>
    public int? Type { get; init; }

    /// <summary>Gets the options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Gets the permissions a member needs by default, as Discord's string bit set (e.g. "32", Manage Server).</summary>
    public Permissions? DefaultMemberPermissions { get; init; }

    /// <summary>Gets where the command may be used (0 server, 1 bot DM, 2 private channel).</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>Gets the installation contexts (0 server install, 1 user install).</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    /// <summary>Gets whether the command is age-restricted.</summary>
    public bool? Nsfw { get; init; }
}
