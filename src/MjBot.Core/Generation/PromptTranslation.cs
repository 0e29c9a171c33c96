using System.Collections.Immutable;
using System.Globalization;
using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>Translates a request for a backend that reads only English (<see cref="BackendCapabilities.EnglishOnly"/>):
/// the prompt — each <c>::</c> segment on its own, so weights stay where they were — and every <c>--no</c> term that is
/// written in another script. Each text goes to the first translator that reads its language, local models before a
/// hosted chat model; a text no translator reads stays as typed (and the result says so). Parameters, image links and
/// the seed are untouched.</summary>
public sealed class PromptTranslation(IEnumerable<IPromptTranslator> translators)
{
    private readonly List<IPromptTranslator> _translators = [.. translators.OrderByDescending(static t => t.RunsLocally)];

    /// <summary>Gets whether any translator is configured.</summary>
    public bool Available => _translators.Count > 0;

    /// <summary>Gets the request to send, what was translated (null when nothing was), and whether a text that needed
    /// translating found no translator that reads its language.</summary>
    public async Task<(GenerationRequest Request, TranslatedPrompt? Translation, bool Untranslated)> ApplyAsync(GenerationRequest request, BackendCapabilities capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Request;
        IReadOnlyList<string> parts = prompt.MultiPrompt.IsDefaultOrEmpty ? [prompt.Prompt] : [.. prompt.MultiPrompt.Select(static s => s.Text)];
        var negatives = prompt.NegativeTerms;
        string[] texts = [.. parts, .. negatives];
        if (!capabilities.HasFlag(BackendCapabilities.EnglishOnly) || !texts.Any(PromptScript.NeedsTranslation))
        {
            return (request, null, false);
        }

        var readers = texts.Select(t => PromptScript.NeedsTranslation(t) ? _translators.FirstOrDefault(x => x.Reads(t)) : null).ToArray();
        var untranslated = readers.Where((reader, i) => reader is null && PromptScript.NeedsTranslation(texts[i])).Any();
        if (readers.All(static r => r is null))
        {
            return (request, null, untranslated);
        }

        var english = texts.ToArray();
        foreach (var group in readers.Select((reader, index) => (reader, index)).Where(static x => x.reader is not null).GroupBy(static x => x.reader!))
        {
            var asked = group.Select(x => texts[x.index]).ToList();
            var answers = await TranslateAsync(group.Key, asked, cancellationToken);
            foreach (var (item, answer) in group.Zip(answers))
            {
                english[item.index] = answer;
            }
        }

        var translatedParts = english.Take(parts.Count).ToList();
        var translatedNegatives = english.Skip(parts.Count).ToImmutableArray();
        var translated = prompt.MultiPrompt.IsDefaultOrEmpty
            ? prompt with { Prompt = translatedParts[0] }
            : prompt with
            {
                Prompt = string.Join(' ', prompt.MultiPrompt.Select((s, i) => $"{translatedParts[i]}::{s.Weight.ToString("0.###", CultureInfo.InvariantCulture)}")),
                MultiPrompt = [.. prompt.MultiPrompt.Select((s, i) => s with { Text = translatedParts[i] })],
            };
        translated = translated with { Parameters = translated.Parameters with { No = negatives.IsEmpty ? translated.Parameters.No : translatedNegatives } };
        return (request with { Request = translated }, new TranslatedPrompt(translated.Prompt, [.. translatedNegatives]), untranslated);
    }

    // A translator that fails hands its texts to the next one that reads them all (a local model that does not open,
    // then the chat model); the last failure is the job's.
    private async Task<IReadOnlyList<string>> TranslateAsync(IPromptTranslator first, List<string> asked, CancellationToken cancellationToken)
    {
        foreach (var translator in _translators.SkipWhile(t => t != first).Where(t => asked.All(t.Reads)))
        {
            try
            {
                var answers = await translator.TranslateAsync(asked, cancellationToken);
                return answers.Count == asked.Count ? answers : throw GenerationException.Of("failure.translation_incomplete", retryable: true);
            }
            catch (GenerationException) when (_translators.SkipWhile(t => t != translator).Skip(1).Any(t => asked.All(t.Reads)))
            {
                // Tried the next one.
            }
        }

        throw new InvalidOperationException("The translator that reads these texts was not asked.");
    }
}
