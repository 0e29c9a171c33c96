namespace MjBot.Core.Ports;

/// <summary>Translates prompt texts into English for backends whose text encoder reads only English.</summary>
public interface IPromptTranslator
{
    /// <summary>Gets whether the translator runs on this machine (a local model). Local translators are asked first:
    /// they cost nothing per prompt and the member's words stay on the machine.</summary>
    bool RunsLocally { get; }

    /// <summary>Gets whether the translator reads <paramref name="text"/>'s language (a local model knows one language,
    /// or a few; a chat model reads them all).</summary>
    bool Reads(string text);

    /// <summary>Translates each of <paramref name="texts"/> into English, in order.</summary>
    /// <exception cref="Generation.GenerationException">The translation failed.</exception>
    Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
