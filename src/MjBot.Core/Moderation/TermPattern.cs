using System.Text;
using System.Text.RegularExpressions;

namespace MjBot.Core.Moderation;

/// <summary>Turns a word or phrase term into the pattern matched against <see cref="NormalizedPrompt"/>: each letter
/// may repeat ("nude" matches "nuuude") but never shrink (a doubled letter needs two: "ass" does not match "as"), the
/// last word may take an ending — a plural or possessive in English, any stack of Korean particles and suffixes
/// (<see cref="Hangul.Endings"/>: 피가, 칼을, 폭력적인, 성인용) after a Korean one — and the whole term stands between word
/// boundaries, so 피 never matches 피자 nor 칼 칼국수. Japanese and Chinese, written without spaces, have no word
/// boundaries to stand between: a term written only in kana or CJK ideographs matches wherever it occurs.</summary>
internal static class TermPattern
{
    private const string Boundary = @"(?<![\p{L}\p{N}])";
    private const string EndBoundary = @"(?![\p{L}\p{N}])";

    /// <summary>Gets the term's normalised words, or none when it has no letters or digits.</summary>
    public static string[] Words(string term) =>
        PromptNormalizer.Normalize(term).Words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The pattern for whole words in <see cref="NormalizedPrompt.Words"/> and <see cref="NormalizedPrompt.Joined"/>.</summary>
    public static Regex WholeWords(string[] words)
    {
        var body = string.Join(' ', words.Select(Letters));
        if (words.All(static w => w.All(IsUnspacedScript)))
        {
            return new Regex(body, RegexOptions.CultureInvariant);
        }

        var ending = Hangul.IsSyllable(words[^1][^1]) ? Hangul.EndingPattern : "(?:e?s)?";
        return new Regex(Boundary + body + ending + EndBoundary, RegexOptions.CultureInvariant);
    }

    /// <summary>Kana (hiragana after folding), the prolonged sound mark and CJK ideographs: scripts written without
    /// spaces between words.</summary>
    private static bool IsUnspacedScript(char c) => c is >= '\u3041' and <= '\u309F' or '\u30FC' or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The pattern for a one-word term inside a run of spaced-out letters, where there are no boundaries.</summary>
    public static Regex InsideRun(string word) => new(Letters(word), RegexOptions.CultureInvariant);

    private static string Letters(string word)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < word.Length;)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            builder.Append(Regex.Escape(word[i].ToString())).Append(run == 1 ? "+" : $"{{{run},}}");
            i += run;
        }

        return builder.ToString();
    }
}
