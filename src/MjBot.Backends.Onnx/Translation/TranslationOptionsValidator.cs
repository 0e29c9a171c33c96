using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>Checks the Translation section: language codes, and that every folder holds a complete Marian export.</summary>
internal sealed partial class TranslationOptionsValidator : IValidateOptions<TranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslationOptions options)
    {
        var failures = new List<string>();
        if (OnnxBackendOptions.ProviderProblem("Translation:ExecutionProvider", options.ExecutionProvider) is { } provider)
        {
            failures.Add(provider);
        }

        if (options.IntraOpThreads < 0 || options.MaxTokens is < 8 or > 512)
        {
            failures.Add("Translation:IntraOpThreads must be 0 or more and Translation:MaxTokens between 8 and 512.");
        }

        foreach (var (language, folder) in options.Models)
        {
            if (!LanguageCode().IsMatch(language))
            {
                failures.Add($"Translation:Models:{language}: the key is the prompt's language as a lower-case ISO 639-1 code (ko, ja, zh …) or \"mul\".");
            }
            else if (string.IsNullOrWhiteSpace(folder))
            {
                failures.Add($"Translation:Models:{language} is empty: name the folder of a Marian (opus-mt) ONNX export, or remove the entry.");
            }
            else
            {
                failures.AddRange(MarianModelFolder.Problems(folder).Select(p => $"Translation:Models:{language} ({folder}): {p}."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^([a-z]{2}|mul)$")]
    private static partial Regex LanguageCode();
}
