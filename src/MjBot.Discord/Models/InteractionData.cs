namespace MjBot.Discord.Models;

/// <summary>An interaction's data: command fields (id, name, options), component fields (custom_id, component_type,
/// values) or modal fields (custom_id, components).</summary>
public sealed record InteractionData
{
    /// <summary>Gets the command id.</summary>
    public Snowflake? Id { get; init; }

    /// <summary>Gets the command name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the command type (1 slash, 2 user, 3 message).</summary>
    public int? Type { get; init; }

    /// <summary>Gets the options (and subcommands) the user filled in.</summary>
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>Gets the component's or modal's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>Gets the component type pressed or chosen.</summary>
    public int? ComponentType { get; init; }

    /// <summary>Gets the values chosen in a select menu.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Gets a modal's submitted components.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Gets the target of a user or message command.</summary>
    public Snowflake? TargetId { get; init; }

    /// <summary>Gets the users, channels, roles and attachments the options refer to.</summary>
    public InteractionResolved? Resolved { get; init; }
}
