using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>Checks the local translation models without a job, for <c>doctor</c>: each configured folder is complete
/// and opens on ONNX Runtime.</summary>
public static class TranslationCheck
{
    /// <summary>Gets one line per configured language: what was found, and whether it is a problem.</summary>
    public static IReadOnlyList<(string Line, bool Problem)> Check(TranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<(string, bool)>();
        foreach (var (language, folder) in options.Models.OrderBy(static m => m.Key, StringComparer.Ordinal))
        {
            var problems = MarianModelFolder.Problems(folder);
            if (problems.Count > 0)
            {
                lines.Add(($"{language}: {folder}: {string.Join("; ", problems)}.", true));
                continue;
            }

            try
            {
                using var model = MarianTranslationModel.Open(folder, options.Session, options.MaxTokens);
                lines.Add(($"{language}: {folder} opens on {model.ExecutionProvider}.", false));
            }
            catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
            {
                lines.Add(($"{language}: {folder} does not open: {ex.Message}.", true));
            }
        }

        return lines;
    }
}
