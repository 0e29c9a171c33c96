using System.Globalization;
using System.Text.Json;
using MjBot.Discord.Models;

namespace MjBot.Discord.Interactions;

/// <summary>Reads a command's options by name, at any depth (subcommands hold their own options).</summary>
public static class CommandOptions
{
    public static string? String(Interaction interaction, string name) =>
        Find(interaction.Data?.Options, name) is { Value: { ValueKind: JsonValueKind.String } value } ? value.GetString() : null;

    public static long? Integer(Interaction interaction, string name) =>
        Find(interaction.Data?.Options, name) is { Value: { ValueKind: JsonValueKind.Number } value } && value.TryGetInt64(out var n) ? n : null;

    /// <summary>A user, channel, role or attachment option: Discord sends the id as a string.</summary>
    public static ulong? Id(Interaction interaction, string name) =>
        String(interaction, name) is { } text && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Gets the subcommand's name (the first option of type 1), or null.</summary>
    public static string? Subcommand(Interaction interaction) =>
        interaction.Data?.Options is [{ Type: 1 } sub, ..] ? sub.Name : null;

    /// <summary>Gets an attachment option's file, from the interaction's resolved data.</summary>
    public static Attachment? Attachment(Interaction interaction, string name) =>
        String(interaction, name) is { } id && interaction.Data?.Resolved?.Attachments is { } files && files.TryGetValue(id, out var file) ? file : null;

    private static InteractionOption? Find(IReadOnlyList<InteractionOption>? options, string name)
    {
        foreach (var option in options ?? [])
        {
            if (option.Name == name && option.Type != 1)
            {
                return option;
            }

            if (Find(option.Options, name) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
