using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>Prompts offered one per line as 1️⃣ 2️⃣ 3️⃣ … (/describe, /shorten), with a button per number. A press reads
/// its prompt back from the message it is under, so the buttons keep working after a restart and store nothing.</summary>
internal static class NumberedPrompts
{
    public static string Keycap(int number) => $"{number}\uFE0F\u20E3";

    public static string Line(int number, string prompt) => $"{Keycap(number)} {prompt}";

    /// <summary>The prompt on line <paramref name="number"/> of <paramref name="content"/>, or null.</summary>
    public static string? Find(string? content, int number)
    {
        var start = Keycap(number) + " ";
        return content?.Split('\n').FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal))?[start.Length..];
    }

    /// <summary>The prompt a 1️⃣-style button (<c>{prefix}:{number}</c>) picks from the message it is under, or null.</summary>
    public static string? Picked(Interaction interaction) =>
        interaction.Data?.CustomId?.Split(':') is [_, var n] && int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? Find(interaction.Message?.Content, number)
            : null;

    /// <summary>One button per prompt (custom id <c>{prefix}:{number}</c>), then <paramref name="extra"/>.</summary>
    public static Component Buttons(string prefix, int count, params Component[] extra) => new(1)
    {
        Components = [.. Enumerable.Range(1, count).Select(i => new Component(2) { Style = 2, Emoji = new Emoji(Keycap(i)), CustomId = $"{prefix}:{i}" }), .. extra],
    };
}
