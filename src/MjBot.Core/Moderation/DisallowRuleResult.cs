using MjBot.Core.Localization;

namespace MjBot.Core.Moderation;

/// <summary>A checked rule, or the sentence that says why it cannot be used.</summary>
public abstract record DisallowRuleResult
{
    private DisallowRuleResult()
    {
    }

    /// <summary>The rule is usable.</summary>
    public sealed record Valid(DisallowRule Rule) : DisallowRuleResult;

    /// <summary>The rule is refused, with the reason for the moderator (in English; <see cref="Text"/> in theirs).</summary>
    public sealed record Invalid(string Reason) : DisallowRuleResult
    {
        /// <summary>Gets the message catalogue key of the reason.</summary>
        public string? Key { get; init; }

        /// <summary>Gets the reason's placeholder values.</summary>
        public IReadOnlyList<MessageArg> Args { get; init; } = [];

        /// <summary>Makes a refusal from a catalogue sentence.</summary>
        public static Invalid Of(string key, params MessageArg[] args) =>
            new(MessageCatalogue.Default.Text(MessageCatalogue.English, key, args)) { Key = key, Args = args };

        /// <summary>Gets the reason in <paramref name="localizer"/>'s language.</summary>
        public string Text(Localizer localizer)
        {
            ArgumentNullException.ThrowIfNull(localizer);
            return Key is null ? Reason : localizer.Text(Key, [.. Args]);
        }
    }
}
