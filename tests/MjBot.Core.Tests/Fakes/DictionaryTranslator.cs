using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>A translator whose answers the test gives; it records every call.</summary>
internal sealed class DictionaryTranslator(Dictionary<string, string> english) : IPromptTranslator
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public int Drop { get; init; }

    public bool RunsLocally { get; init; }

    /// <summary>Gets whether every call fails, as a local model that does not open.</summary>
    public bool Fails { get; init; }

    /// <summary>Gets the languages it reads (<see cref="PromptScript.LanguageOf"/>); null: every language.</summary>
    public IReadOnlySet<string>? Languages { get; init; }

    public bool Reads(string text) => Languages is null || Languages.Contains(PromptScript.LanguageOf(text) ?? "en");

    public Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Calls.Add(texts);
        if (Fails)
        {
            throw GenerationException.Of("failure.translation_model_unopened", retryable: false);
        }

        IReadOnlyList<string> answer = [.. texts.Select(t => english.TryGetValue(t, out var e) ? e : t).SkipLast(Drop)];
        return Task.FromResult(answer);
    }
}
