using System.Globalization;
using System.Text;

namespace MjBot.Core.Moderation;

/// <summary>Brings a prompt and a rule's term to one comparable form, undoing the usual ways of slipping a word past a
/// list: Unicode compatibility forms (NFKC: full-width letters, ligatures, circled letters), invisible characters,
/// case, diacritics, Cyrillic and Greek look-alikes inside Latin words, leetspeak (0→o, 1→i, 3→e, 4→a, 5→s, 7→t,
/// @→a, $→s, only in words that have letters), separators inside words ("n.u.d.e", "n u d e"), Korean typed as loose
/// jamo (ㅍㅗㄱㄹㅕㄱ → 폭력, see <see cref="Hangul"/>) and Hangul fillers, and Japanese kana in either script or width
/// (katakana and half-width kana fold to hiragana: ヌード, ﾇｰﾄﾞ and ぬーど are one word). Repeated letters
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

    /// <summary>NFKC, invisible characters removed, lower case, diacritics removed; loose jamo composed, kana folded.</summary>
    internal static string Fold(string text)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark when c is '\u3099' or '\u309A':
                    // Kana voicing marks make other words (と/ど, は/ば/ぱ): kept, and composed again below.
                    builder.Append(c);
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                    break;
                case UnicodeCategory.OtherLetter when c is '\u115F' or '\u1160':
                    // Hangul fillers (ㅤ U+3164 becomes U+1160 under NFKC): blank letters used to split words unseen.
                    break;
                case UnicodeCategory.OtherLetter when c is >= '\u30A1' and <= '\u30F6' or '\u30FD' or '\u30FE':
                    builder.Append((char)(c - 0x60));
                    break;
                default:
                    builder.Append(Letters.Undecomposed(c));
                    break;
            }
        }

        return Hangul.ComposeLooseJamo(builder.ToString().Normalize(NormalizationForm.FormC));
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

    /// <summary>Runs of single letters written apart, joined: three or more ("n u d e"), or two or more Korean
    /// syllables or jamo ("폭 력", "ㅍ ㅗ ㄱ"), composed.</summary>
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

            var korean = run.ToString().All(static c => Hangul.IsSyllable(c) || Hangul.IsJamo(c));
            if (count >= MinimumLetterRun || (korean && count >= 2))
            {
                runs.Add(korean ? Hangul.ComposeLooseJamo(run.ToString()) : run.ToString());
            }

            run.Clear();
            count = 0;
        }

        return runs;
    }
}
