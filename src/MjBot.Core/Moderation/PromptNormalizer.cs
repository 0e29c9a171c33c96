using System.Globalization;
using System.Text;

namespace MjBot.Core.Moderation;

/// <summary>Brings a prompt and a rule's term to one comparable form, undoing the usual ways of slipping a word past a
/// list: Unicode compatibility forms (NFKC: full-width letters, ligatures, circled letters), invisible characters,
/// case, diacritics, Cyrillic and Greek look-alikes inside Latin words, leetspeak (0→o, 1→i, 3→e, 4→a, 5→s, 7→t,
/// @→a, $→s, only in words that have letters), and separators inside words ("n.u.d.e", "n u d e"). Repeated letters
/// ("nuuude") are handled by the term patterns (<see cref="TermPattern"/>), so that collapsing never turns a longer
/// term into a common shorter word.</summary>
public static class PromptNormalizer
{
    private const int MinimumLetterRun = 3;

    public static NormalizedPrompt Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var words = Tokens(folded);
        var joined = Tokens(RemoveInnerSeparators(folded));
        return new NormalizedPrompt(string.Join(' ', words), string.Join(' ', joined), LetterRuns(words));
    }

    /// <summary>NFKC, invisible characters removed, lower case, diacritics removed.</summary>
    internal static string Fold(string text)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                    break;
                default:
                    builder.Append(Letters.Undecomposed(c));
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    // "n.u.d.e", "n-u-d-e", "n_u*d*e": punctuation with a word character on both sides goes.
    private static string RemoveInnerSeparators(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsWordChar(c) && !char.IsWhiteSpace(c) && builder.Length > 0 && IsWordChar(builder[^1]))
            {
                var next = i + 1;
                while (next < text.Length && !IsWordChar(text[next]) && !char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && IsWordChar(text[next]))
                {
                    i = next - 1;
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (Letters.Token(text.AsSpan(start, i - start)) is { Length: > 0 } token)
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }

    private static List<string> LetterRuns(List<string> words)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        var count = 0;
        foreach (var word in words.Append(string.Empty))
        {
            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                run.Append(word);
                count++;
                continue;
            }

            if (count >= MinimumLetterRun)
            {
                runs.Add(run.ToString());
            }

            run.Clear();
            count = 0;
        }

        return runs;
    }
}
