using System.Text;

namespace MjBot.Core.Moderation;

/// <summary>Letter-level folds the Unicode decompositions leave out: letters with a stroke or ligature (ø, ł, ß, æ),
/// Cyrillic and Greek look-alikes inside otherwise Latin words, and leetspeak digits and symbols.</summary>
internal static class Letters
{
    // Letters that carry their mark in the letter itself, so NFD does not separate it.
    public static string Undecomposed(char c) => c switch
    {
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => c.ToString(),
    };

    /// <summary>Folds one word: look-alikes when the word mixes Latin with other letters, leetspeak when it has letters;
    /// a word of digits stays a number, and lone @ or $ signs go.</summary>
    public static string Token(ReadOnlySpan<char> word)
    {
        var hasLetter = false;
        var hasLatin = false;
        var hasOther = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
                if (c < 'ɏ')
                {
                    hasLatin = true;
                }
                else
                {
                    hasOther = true;
                }
            }
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (hasLetter && Leet(c) is { } plain)
            {
                builder.Append(plain);
            }
            else if (hasLatin && hasOther && LookAlike(c) is { } latin)
            {
                builder.Append(latin);
            }
            else if (c is not ('@' or '$'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static char? Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => null,
    };

    // Lower-case Cyrillic and Greek letters drawn like Latin ones.
    private static char? LookAlike(char c) => c switch
    {
        'а' or 'α' => 'a',
        'в' or 'β' => 'b',
        'с' or 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' or 'ε' => 'e',
        'һ' => 'h',
        'і' or 'ι' => 'i',
        'ј' => 'j',
        'к' or 'κ' => 'k',
        'м' => 'm',
        'п' or 'η' => 'n',
        'о' or 'ο' => 'o',
        'р' or 'ρ' => 'p',
        'ѕ' => 's',
        'т' or 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ш' or 'ω' => 'w',
        'х' or 'χ' => 'x',
        'у' or 'γ' => 'y',
        _ => null,
    };
}
