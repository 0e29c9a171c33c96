using MjBot.Core.Localization;

namespace MjBot.Core.Prompting;

/// <summary>A refused prompt: the code, the sentence the member sees (Midjourney's wording where it has one),
/// and the position in the prompt where it helps.</summary>
/// <param name="Code">The error category.</param>
/// <param name="Message">The sentence in English (what <c>mjbot parse</c> prints); members read <see cref="Key"/>'s text in
/// their language.</param>
/// <param name="Position">The zero-based index in the prompt (or in the expansion named by the message), if known.</param>
public sealed record PromptError(PromptErrorCode Code, string Message, int? Position = null)
{
    /// <summary>Gets the message catalogue key of the sentence, or null for one that has none.</summary>
    public string? Key { get; init; }

    /// <summary>Gets the values of the sentence's placeholders.</summary>
    public IReadOnlyList<MessageArg> Args { get; init; } = [];

    /// <summary>Makes an error from a catalogue sentence (its English text becomes <see cref="Message"/>).</summary>
    public static PromptError Of(PromptErrorCode code, string key, int? position, params MessageArg[] args) =>
        new(code, MessageCatalogue.Default.Text(MessageCatalogue.English, key, args), position) { Key = key, Args = args };

    /// <summary>Gets the sentence in <paramref name="localizer"/>'s language.</summary>
    public string Text(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Key is null ? Message : localizer.Text(Key, [.. Args]);
    }
}
