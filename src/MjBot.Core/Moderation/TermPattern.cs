using System.Text;
using System.Text.RegularExpressions;

namespace MjBot.Core.Moderation;

/// <summary>Turns a word or phrase term into the pattern matched against <see cref="NormalizedPrompt"/>: each letter
/// may repeat ("nude" matches "nuuude") but never shrink (a doubled letter needs two: "ass" does not match "as"), the
/// last word may take a plural or possessive ending, and the whole term stands between word boundaries.</summary>
internal static class TermPattern
{
    private const string Boundary = @"(?<![\p{L}\p{N}])";
    private const string EndBoundary = @"(?![\p{L}\p{N}])";

    /// <summary>Gets the term's normalised words, or none when it has no letters or digits.</summary>
    public static string[] Words(string term) =>
        PromptNormalizer.Normalize(term).Words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The pattern for whole words in <see cref="NormalizedPrompt.Words"/> and <see cref="NormalizedPrompt.Joined"/>.</summary>
    public static Regex WholeWords(string[] words) =>
        new(Boundary + string.Join(' ', words.Select(Letters)) + "(?:e?s)?" + EndBoundary, RegexOptions.CultureInvariant);

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
