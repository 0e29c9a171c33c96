using System.Collections.Immutable;
using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>Translates a request for a backend that reads only English (<see cref="BackendCapabilities.EnglishOnly"/>):
/// the prompt — each <c>::</c> segment on its own, so weights stay where they were — and every <c>--no</c> term, when
/// any of them is written in another script and a translator is configured. Parameters, image links and the seed are
/// untouched.</summary>
public sealed class PromptTranslation(IEnumerable<IPromptTranslator> translators)
{
    private readonly IPromptTranslator? _translator = translators.FirstOrDefault();

    /// <summary>Gets whether a translator is configured.</summary>
    public bool Available => _translator is not null;

    /// <summary>Gets the request to send and what was translated (null when nothing was).</summary>
    public async Task<(GenerationRequest Request, TranslatedPrompt? Translation)> ApplyAsync(GenerationRequest request, BackendCapabilities capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Request;
        IReadOnlyList<string> parts = prompt.MultiPrompt.IsDefaultOrEmpty ? [prompt.Prompt] : [.. prompt.MultiPrompt.Select(static s => s.Text)];
        var negatives = prompt.NegativeTerms;
        if (_translator is null || !capabilities.HasFlag(BackendCapabilities.EnglishOnly) || !parts.Concat(negatives).Any(PromptScript.NeedsTranslation))
        {
            return (request, null);
        }

        var english = await _translator.TranslateAsync([.. parts, .. negatives], cancellationToken);
        if (english.Count != parts.Count + negatives.Length)
        {
            throw new GenerationException("the translation came back incomplete", retryable: true);
        }

        var translatedParts = english.Take(parts.Count).ToList();
        var translatedNegatives = english.Skip(parts.Count).ToImmutableArray();
        var translated = prompt.MultiPrompt.IsDefaultOrEmpty
            ? prompt with { Prompt = translatedParts[0] }
            : prompt with
            {
                Prompt = string.Join(' ', prompt.MultiPrompt.Select((s, i) => $"{translatedParts[i]}::{s.Weight.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")),
                MultiPrompt = [.. prompt.MultiPrompt.Select((s, i) => s with { Text = translatedParts[i] })],
            };
        translated = translated with { Parameters = translated.Parameters with { No = negatives.IsEmpty ? translated.Parameters.No : translatedNegatives } };
        return (request with { Request = translated }, new TranslatedPrompt(translated.Prompt, [.. translatedNegatives]));
    }
}
