using System.Text.RegularExpressions;
using MjBot.Core.Generation;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>Cuts a prompt into the phrases a translation model is given and the syntax it must not see: Stable
/// Diffusion's emphasis brackets and weights (<c>(붉은 여우:1.3)</c>, <c>[눈]</c>), commas and other separators stay
/// exactly where they were, and a phrase already in English is not sent. Short phrases are also what opus-mt
/// translates best.</summary>
internal static partial class TranslatableSpans
{
    /// <summary>Gets <paramref name="text"/> with every phrase that needs translating replaced by
    /// <paramref name="translate"/>'s answer, its surrounding spaces kept.</summary>
    public static string Apply(string text, Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        var parts = Separators().Split(text);
        for (var i = 0; i < parts.Length; i++)
        {
            var phrase = parts[i].Trim();
            if (phrase.Length > 0 && !Separators().IsMatch(phrase) && PromptScript.NeedsTranslation(phrase))
            {
                var lead = parts[i][..parts[i].IndexOf(phrase, StringComparison.Ordinal)];
                var trail = parts[i][(lead.Length + phrase.Length)..];
                parts[i] = lead + translate(phrase) + trail;
            }
        }

        return string.Concat(parts);
    }

    // The capture keeps the separators in Split's answer.
    [GeneratedRegex(@"(:\s*-?\d+(?:\.\d+)?|[()\[\]{}<>,;|、。，．！？!?.])")]
    private static partial Regex Separators();
}
