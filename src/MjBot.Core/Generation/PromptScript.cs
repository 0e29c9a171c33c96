namespace MjBot.Core.Generation;

/// <summary>Tells whether a text needs translating for an English-only text encoder: it does when it holds letters
/// outside the Latin script (Hangul, kana, CJK ideographs, Cyrillic, Greek, Arabic …). Latin-script languages other than
/// English (French, German …) are left as typed: CLIP reads many of their words, and telling them from English
/// reliably needs a language model.</summary>
public static class PromptScript
{
    public static bool NeedsTranslation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(static c => char.IsLetter(c) && c > '\u024F' && c is not (>= '\u1E00' and <= '\u1EFF'));
    }
}
