namespace MjBot.Discord.Models;

/// <summary>An emoji on a button: a Unicode emoji by name, or a custom one by id.</summary>
/// <param name="Name">The Unicode emoji (e.g. 🔄) or the custom emoji's name.</param>
public sealed record Emoji(string? Name)
{
    /// <summary>Gets a custom emoji's id.</summary>
    public Snowflake? Id { get; init; }
}
