using System.Globalization;
using Sprache;

namespace MjBot.Core.Prompting.Grammar;

/// <summary>The Sprache grammar of parameter values, image links and multi-prompt weights. Each parser reads
/// one whitespace-free token (the scanner has already split the prompt), so every rule here is small,
/// linear and free of backtracking.</summary>
internal static class ValueGrammar
{

    // ASCII only: Sprache's Parse.Digit accepts every Unicode digit (Ol Chiki, Devanagari, …), which no number
    // parser here reads. Found by the fuzz test.
    private static readonly Parser<string> Digits = Lexemes.Run(char.IsAsciiDigit, "digit");

    private static readonly Parser<string> Sign = Lexemes.Optional(static c => c is '-' or '+', maximum: 1);

    private static readonly Parser<string> OptionalDigits = Lexemes.Optional(char.IsAsciiDigit);

    /// <summary>A whole number with an optional sign, kept as text so that overflow is a range error.</summary>
    public static readonly Parser<string> WholeNumber =
        (from sign in Sign
         from digits in Digits
         select sign + digits).Named("whole number");

    /// <summary>A decimal number: <c>2</c>, <c>0.5</c>, <c>.5</c>, <c>-1</c>, <c>1.</c>.</summary>
    public static readonly Parser<double> DecimalNumber =
        (from sign in Sign
         from whole in OptionalDigits
         from dot in Lexemes.Optional(static c => c == '.', maximum: 1)
         from fractionDigits in dot.Length > 0 ? OptionalDigits : Parse.Return(string.Empty)
         let fraction = dot + fractionDigits
         where whole.Length > 0 || fraction.Length > 1
         select double.Parse(sign + (whole.Length > 0 ? whole : "0") + fraction, NumberStyles.Float, CultureInfo.InvariantCulture))
        .Named("number");

    /// <summary><c>W:H</c> with whole numbers (positivity and size are checked by the binder).</summary>
    public static readonly Parser<(string Width, string Height)> AspectRatio =
        (from width in Digits
         from colon in Lexemes.Literal(":")
         from height in Digits
         select (width, height)).Named("aspect ratio W:H");

    /// <summary>A style code, style name or tuner code: letters and digits joined by single hyphens
    /// (<c>raw</c>, <c>4a</c>, <c>raw-abc-def</c>).</summary>
    public static readonly Parser<string> StyleCode =
        Lexemes.Run(char.IsLetterOrDigit, "letter or digit")
            .DelimitedBy(Lexemes.Literal("-"))
            .Select(parts => string.Join('-', parts)).Named("style");

    /// <summary>A personalisation (profile or moodboard) code: letters, digits, <c>_</c> and <c>-</c>.</summary>
    public static readonly Parser<string> ProfileCode =
        Lexemes.Run(static c => char.IsLetterOrDigit(c) || c is '_' or '-', "profile code");

    /// <summary>A model alias from configuration: lower-case letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public static readonly Parser<string> ModelAlias =
        Lexemes.Run(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-', "model alias");

    /// <summary>A LoRA as <c>--lora</c> names it: a file name without its extension (letters, digits, <c>.</c>, <c>_</c>,
    /// <c>-</c>, and <c>/</c> for a subfolder), then an optional <c>:weight</c>.</summary>
    public static readonly Parser<(string Name, double? Weight)> Lora =
        from name in Lexemes.Run(static c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '/', "LoRA name")
        from weight in Lexemes.Literal(":").Then(_ => DecimalNumber).Optional()
        select (name, weight.IsDefined ? weight.Get() : (double?)null);

    /// <summary>The body of a link: everything up to <c>::</c> (a weight) or the end; single colons (ports) stay.</summary>
    // Runs of non-colons, and single colons (ports, IPv6) that do not start "::". A rule that tried "::" at every
    // character would build a failure at every character.
    private static readonly Parser<string> LinkBody =
        Lexemes.Run(static c => c != ':', "link character")
            .Or(Lexemes.Literal(":").Except(Lexemes.Literal("::")))
            .AtLeastOnce()
            .Select(static parts => string.Concat(parts)).Named("link body");

    /// <summary>An optional <c>::weight</c> suffix.</summary>
    private static readonly Parser<double?> Weight =
        Lexemes.Literal("::").Then(_ => DecimalNumber).Select(static w => (double?)w).Or(Parse.Return((double?)null));

    /// <summary>An absolute http(s) link up to a <c>::weight</c> suffix or the end of the token.</summary>
    public static readonly Parser<string> Link =
        (from scheme in Lexemes.Literal("https", StringComparison.OrdinalIgnoreCase).Or(Lexemes.Literal("http", StringComparison.OrdinalIgnoreCase))
         from separator in Lexemes.Literal("://")
         from rest in LinkBody
         select scheme + separator + rest).Named("http(s) link");

    /// <summary>A link with an optional <c>::weight</c>, as image prompts and <c>--sref</c> take them.</summary>
    public static readonly Parser<(string Url, double? Weight)> WeightedLink =
        from url in Link
        from weight in Weight
        select (url, weight);

    /// <summary>A <c>--sref</c> value: an image link, a numeric style code or <c>random</c>, with an optional
    /// <c>::weight</c>.</summary>
    public static readonly Parser<(string Value, double? Weight)> SrefEntry =
        from value in Link.Or(Digits).Or(Lexemes.Literal("random"))
        from weight in Weight
        select (value, weight);

    /// <summary>Parses the whole of <paramref name="token"/> with <paramref name="parser"/>.</summary>
    public static bool TryParseWhole<T>(this Parser<T> parser, string token, out T value)
    {
        var result = parser(new TokenInput(token));
        var whole = result.WasSuccessful && result.Remainder.AtEnd;
        value = whole ? result.Value : default!;
        return whole;
    }

    /// <summary>Parses a prefix of <paramref name="text"/> from <paramref name="start"/>; returns how many
    /// characters it consumed (0 on failure).</summary>
    public static int TryParsePrefix<T>(this Parser<T> parser, string text, int start, out T value)
    {
        // A window up to the next white space keeps repeated calls linear over long texts.
        var end = start;
        while (end < text.Length && end - start < 64 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var result = parser(new TokenInput(text[start..end]));
        value = result.WasSuccessful ? result.Value : default!;
        return result.WasSuccessful ? result.Remainder.Position : 0;
    }
}
