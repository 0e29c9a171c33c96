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
    private static readonly Parser<string> Digits = Parse.Char(char.IsAsciiDigit, "digit").AtLeastOnce().Text().Named("digits");

    private static readonly Parser<string> Sign = Parse.Chars('-', '+').Once().Text().Optional()
        .Select(sign => sign.GetOrElse(string.Empty));

    /// <summary>A whole number with an optional sign, kept as text so that overflow is a range error.</summary>
    public static readonly Parser<string> WholeNumber =
        (from sign in Sign
         from digits in Digits
         select sign + digits).Named("whole number");

    /// <summary>A decimal number: <c>2</c>, <c>0.5</c>, <c>.5</c>, <c>-1</c>, <c>1.</c>.</summary>
    public static readonly Parser<double> DecimalNumber =
        (from sign in Sign
         from whole in Digits.Optional()
         from fraction in Parse.Char('.').Then(_ => Digits.Optional()).Optional()
         where whole.IsDefined || (fraction.IsDefined && fraction.Get().IsDefined)
         select double.Parse(
             sign + whole.GetOrElse("0") + "." + (fraction.IsDefined ? fraction.Get().GetOrElse("0") : "0"),
             NumberStyles.Float,
             CultureInfo.InvariantCulture)).Named("number");

    /// <summary><c>W:H</c> with whole numbers (positivity and size are checked by the binder).</summary>
    public static readonly Parser<(string Width, string Height)> AspectRatio =
        (from width in Digits
         from colon in Parse.Char(':')
         from height in Digits
         select (width, height)).Named("aspect ratio W:H");

    /// <summary>A style code, style name or tuner code: letters and digits joined by single hyphens
    /// (<c>raw</c>, <c>4a</c>, <c>raw-abc-def</c>).</summary>
    public static readonly Parser<string> StyleCode =
        Parse.LetterOrDigit.AtLeastOnce().Text()
            .DelimitedBy(Parse.Char('-'))
            .Select(parts => string.Join('-', parts)).Named("style");

    /// <summary>A personalisation (profile or moodboard) code: letters, digits, <c>_</c> and <c>-</c>.</summary>
    public static readonly Parser<string> ProfileCode =
        Parse.LetterOrDigit.Or(Parse.Chars('_', '-')).AtLeastOnce().Text().Named("profile code");

    /// <summary>A model alias from configuration: lower-case letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public static readonly Parser<string> ModelAlias =
        Parse.Char(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-', "alias character")
            .AtLeastOnce().Text().Named("model alias");

    /// <summary>The body of a link: everything up to <c>::</c> (a weight) or the end; single colons (ports) stay.</summary>
    private static readonly Parser<string> LinkBody =
        Parse.AnyChar.Except(Parse.String("::")).AtLeastOnce().Text().Named("link body");

    /// <summary>An absolute http(s) link up to a <c>::weight</c> suffix or the end of the token.</summary>
    public static readonly Parser<string> Link =
        (from scheme in Parse.IgnoreCase("https").Or(Parse.IgnoreCase("http")).Text()
         from separator in Parse.String("://").Text()
         from rest in LinkBody
         select scheme + separator + rest).Named("http(s) link");

    /// <summary>A link with an optional <c>::weight</c>, as image prompts and <c>--sref</c> take them.</summary>
    public static readonly Parser<(string Url, double? Weight)> WeightedLink =
        from url in Link
        from weight in Parse.String("::").Then(_ => DecimalNumber).Optional()
        select (url, weight.IsDefined ? weight.Get() : (double?)null);

    /// <summary>A <c>--sref</c> value: an image link, a numeric style code or <c>random</c>, with an optional
    /// <c>::weight</c>.</summary>
    public static readonly Parser<(string Value, double? Weight)> SrefEntry =
        from value in Link.Or(Digits).Or(Parse.String("random").Text())
        from weight in Parse.String("::").Then(_ => DecimalNumber).Optional()
        select (value, weight.IsDefined ? weight.Get() : (double?)null);

    /// <summary>Parses the whole of <paramref name="token"/> with <paramref name="parser"/>.</summary>
    public static bool TryParseWhole<T>(this Parser<T> parser, string token, out T value)
    {
        var result = parser.End().TryParse(token);
        value = result.WasSuccessful ? result.Value : default!;
        return result.WasSuccessful;
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

        var result = parser(new Input(text[start..end]));
        value = result.WasSuccessful ? result.Value : default!;
        return result.WasSuccessful ? result.Remainder.Position : 0;
    }
}
