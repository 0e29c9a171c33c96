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
            var answers = await group.Key.TranslateAsync(asked, cancellationToken);
            if (answers.Count != asked.Count)
            {
                throw GenerationException.Of("failure.translation_incomplete", retryable: true);
            }

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
}
