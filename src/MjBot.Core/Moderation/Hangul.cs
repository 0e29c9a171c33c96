using System.Text;

namespace MjBot.Core.Moderation;

/// <summary>Korean for the moderation normaliser: loose jamo typed one by one (ㅍㅗㄱㄹㅕㄱ, or ㅍ ㅗ ㄱ …) composed into
/// syllables (폭력) the way a Korean keyboard composes them, and the particles and suffixes Korean attaches to a noun
/// (폭력<b>적인</b>, 피<b>가</b>, 칼<b>을</b>, 성인<b>용</b>), which a word rule lets follow its term.</summary>
internal static class Hangul
{
    private const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const string Medials = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    private const string Finals = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    private static readonly Dictionary<string, char> FinalClusters = new(StringComparer.Ordinal)
    {
        ["ㄱㅅ"] = 'ㄳ', ["ㄴㅈ"] = 'ㄵ', ["ㄴㅎ"] = 'ㄶ', ["ㄹㄱ"] = 'ㄺ', ["ㄹㅁ"] = 'ㄻ', ["ㄹㅂ"] = 'ㄼ',
        ["ㄹㅅ"] = 'ㄽ', ["ㄹㅌ"] = 'ㄾ', ["ㄹㅍ"] = 'ㄿ', ["ㄹㅎ"] = 'ㅀ', ["ㅂㅅ"] = 'ㅄ',
    };

    private static readonly Dictionary<string, char> CompoundVowels = new(StringComparer.Ordinal)
    {
        ["ㅗㅏ"] = 'ㅘ', ["ㅗㅐ"] = 'ㅙ', ["ㅗㅣ"] = 'ㅚ', ["ㅜㅓ"] = 'ㅝ', ["ㅜㅔ"] = 'ㅞ', ["ㅜㅣ"] = 'ㅟ', ["ㅡㅣ"] = 'ㅢ',
    };

    /// <summary>The particles (조사) and noun suffixes a word rule's Korean term may carry, any number stacked
    /// (폭력<b>들이</b>, 성인<b>용으로</b>). Verb endings built on 하다 (피<b>해</b>, 피<b>하는</b>) are left out on purpose:
    /// they turn nouns into other words.</summary>
    public static readonly string[] Endings =
    [
        // Case and topic particles.
        "이", "가", "을", "를", "은", "는", "의", "에", "에서", "에게", "께", "께서", "한테", "로", "으로", "와", "과",
        "랑", "이랑", "도", "만", "까지", "부터", "보다", "처럼", "마저", "조차", "밖에", "이나", "나", "든지", "이든지",
        "야", "이야", "이다", "인", "입니다", "이에요", "예요", "요",
        // Noun suffixes: plural, -적 (-ic), for, -ness, content, act.
        "들", "적", "적인", "적으로", "스러운", "스럽게", "같은", "용", "성", "물", "질", "짓",
    ];

    /// <summary>Gets whether <paramref name="c"/> is a composed syllable (가–힣).</summary>
    public static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>Gets whether <paramref name="c"/> is a jamo, compatibility (ㄱ, ㅏ) or conjoining (ᄀ, ᅡ, ᆨ).</summary>
    public static bool IsJamo(char c) => c is >= '\u3131' and <= '\u3163' or >= '\u1100' and <= '\u1112' or >= '\u1161' and <= '\u1175' or >= '\u11A8' and <= '\u11C2';

    /// <summary>The regular-expression alternation of <see cref="Endings"/>, longest first.</summary>
    public static string EndingPattern { get; } =
        "(?:" + string.Join('|', Endings.OrderByDescending(static e => e.Length).Select(System.Text.RegularExpressions.Regex.Escape)) + ")*";

    /// <summary>Composes every run of Korean letters that holds loose jamo into syllables; runs without any are left as
    /// they are (re-composing well-formed syllables gives them back unchanged).</summary>
    public static string ComposeLooseJamo(string text)
    {
        if (!text.Any(IsJamo))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var run = new StringBuilder();
        var hasJamo = false;
        foreach (var c in text.Append('\0'))
        {
            if (IsSyllable(c) || IsJamo(c))
            {
                run.Append(c);
                hasJamo |= IsJamo(c);
                continue;
            }

            builder.Append(hasJamo ? Compose(Letters(run.ToString())) : run.ToString());
            run.Clear();
            hasJamo = false;
            if (c != '\0')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits syllables and jamo of either kind into compatibility jamo, as they would be typed.</summary>
    private static List<char> Letters(string run)
    {
        var letters = new List<char>(run.Length * 3);
        foreach (var c in run)
        {
            if (IsSyllable(c))
            {
                var index = c - 0xAC00;
                letters.Add(Initials[index / (21 * 28)]);
                letters.Add(Medials[index / 28 % 21]);
                if (index % 28 > 0)
                {
                    letters.AddRange(SplitFinal(Finals[(index % 28) - 1]));
                }
            }
            else if (c is >= '\u1100' and <= '\u1112')
            {
                letters.Add(Initials[c - 0x1100]);
            }
            else if (c is >= '\u1161' and <= '\u1175')
            {
                letters.Add(Medials[c - 0x1161]);
            }
            else if (c is >= '\u11A8' and <= '\u11C2')
            {
                letters.AddRange(SplitFinal(Finals[c - 0x11A8]));
            }
            else
            {
                letters.AddRange(SplitFinal(c));
            }
        }

        return letters;
    }

    private static IEnumerable<char> SplitFinal(char final) =>
        FinalClusters.FirstOrDefault(p => p.Value == final) is { Key: { } pair } ? pair : [final];

    /// <summary>A two-set Korean keyboard's automaton: initial, medial (compound vowels joined), final (clusters joined);
    /// a final consonant followed by a vowel moves on to begin the next syllable.</summary>
    private static string Compose(List<char> letters)
    {
        var output = new StringBuilder();
        int initial = -1, medial = -1;
        var final = string.Empty;

        void Flush()
        {
            if (initial >= 0 && medial >= 0)
            {
                var finalIndex = final.Length == 0 ? 0 : Finals.IndexOf(final.Length == 1 ? final[0] : FinalClusters[final], StringComparison.Ordinal) + 1;
                output.Append((char)(0xAC00 + (((initial * 21) + medial) * 28) + finalIndex));
            }
            else if (initial >= 0)
            {
                output.Append(Initials[initial]);
            }
            else if (medial >= 0)
            {
                output.Append(Medials[medial]);
            }

            initial = -1;
            medial = -1;
            final = string.Empty;
        }

        foreach (var letter in letters)
        {
            var vowel = Medials.IndexOf(letter, StringComparison.Ordinal);
            if (vowel >= 0)
            {
                if (initial >= 0 && medial >= 0 && final.Length > 0)
                {
                    // 폭 + ㅣ → 포기: the last final consonant begins the new syllable.
                    var moved = final[^1];
                    final = final[..^1];
                    Flush();
                    initial = Initials.IndexOf(moved, StringComparison.Ordinal);
                    medial = vowel;
                }
                else if (medial >= 0 && final.Length == 0 && CompoundVowels.TryGetValue($"{Medials[medial]}{letter}", out var compound))
                {
                    medial = Medials.IndexOf(compound, StringComparison.Ordinal);
                }
                else if (initial >= 0 && medial < 0)
                {
                    medial = vowel;
                }
                else
                {
                    Flush();
                    medial = vowel;
                }

                continue;
            }

            if (initial >= 0 && medial >= 0 && final.Length == 0 && Finals.Contains(letter, StringComparison.Ordinal))
            {
                final = letter.ToString();
            }
            else if (initial >= 0 && medial >= 0 && final.Length == 1 && FinalClusters.ContainsKey(final + letter))
            {
                final += letter;
            }
            else
            {
                Flush();
                initial = Initials.IndexOf(letter, StringComparison.Ordinal);
                if (initial < 0)
                {
                    output.Append(letter);
                }
            }
        }

        Flush();
        return output.ToString();
    }
}
