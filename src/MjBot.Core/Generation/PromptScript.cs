namespace MjBot.Core.Generation;

/// <summary>Tells whether a text needs translating for an English-only text encoder, and its language as far as its
/// script tells. A text needs translating when it holds letters outside the Latin script (Hangul, kana, CJK ideographs,
/// Cyrillic, Greek, Arabic …). Latin-script languages other than English (French, German …) are left as typed: CLIP reads
/// many of their words, and telling them from English reliably needs a language model.</summary>
public static class PromptScript
{
    public static bool NeedsTranslation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(IsForeignLetter);
    }

    /// <summary>Gets the ISO 639-1 code of the language <paramref name="text"/>'s script points to: <c>ko</c> for any
    /// Hangul, <c>ja</c> for any kana, <c>zh</c> for CJK ideographs alone, <c>ru</c> (Cyrillic), <c>el</c> (Greek),
    /// <c>ar</c>, <c>he</c>, <c>th</c>, <c>hi</c> (Devanagari); <c>mul</c> for other scripts; null when nothing needs
    /// translating.</summary>
    public static string? LanguageOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = text.Where(IsForeignLetter).ToList();
        if (letters.Count == 0)
        {
            return null;
        }

        if (letters.Any(static c => c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F')))
        {
            return "ko";
        }

        if (letters.Any(static c => c is (>= '\u3040' and <= '\u30FF') or (>= '\uFF66' and <= '\uFF9D')))
        {
            return "ja";
        }

        var first = letters[0];
        return first switch
        {
            >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' => "zh",
            >= '\u0400' and <= '\u052F' => "ru",
            >= '\u0370' and <= '\u03FF' => "el",
            >= '\u0600' and <= '\u06FF' => "ar",
            >= '\u0590' and <= '\u05FF' => "he",
            >= '\u0E00' and <= '\u0E7F' => "th",
            >= '\u0900' and <= '\u097F' => "hi",
            _ => "mul",
        };
    }

    private static bool IsForeignLetter(char c) => char.IsLetter(c) && c > '\u024F' && c is not (>= '\u1E00' and <= '\u1EFF');
}
