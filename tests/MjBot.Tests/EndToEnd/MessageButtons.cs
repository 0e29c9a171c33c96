using MjBot.DiscordEmulator.State;

namespace MjBot.Tests.EndToEnd;

/// <summary>Reads the buttons of a message the bot posted in the emulator.</summary>
internal static class MessageButtons
{
    /// <summary>The labels of a row; a button without a label (🔄, ⬅️) reads as its emoji.</summary>
    public static string[] Labels(EmulatedMessage message, int row) =>
        [.. message.Components![row]!["components"]!.AsArray().Select(static c => c!["label"]?.GetValue<string>() ?? c["emoji"]!["name"]!.GetValue<string>())];

    public static string CustomId(EmulatedMessage message, int row, int column) =>
        message.Components![row]!["components"]![column]!["custom_id"]!.GetValue<string>();

    /// <summary>The custom id of the button with this label or emoji, in any row.</summary>
    public static string CustomId(EmulatedMessage message, string label) =>
        message.Components!.SelectMany(static r => r!["components"]!.AsArray())
            .First(c => (c!["label"]?.GetValue<string>() ?? c["emoji"]?["name"]?.GetValue<string>()) == label)!["custom_id"]!.GetValue<string>();

    /// <summary>The job id a result's buttons carry.</summary>
    public static string JobIdIn(EmulatedMessage message) => CustomId(message, 0, 0).Split(':')[2];
}
