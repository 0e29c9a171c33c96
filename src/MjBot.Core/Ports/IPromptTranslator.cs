namespace MjBot.Core.Ports;

/// <summary>Translates prompt texts into English for backends whose text encoder reads only English.</summary>
public interface IPromptTranslator
{
    /// <summary>Translates each of <paramref name="texts"/> into English, in order; a text already in English comes
    /// back as it is.</summary>
    /// <exception cref="Generation.GenerationException">The translation failed.</exception>
    Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
