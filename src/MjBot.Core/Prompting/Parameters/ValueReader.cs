using System.Globalization;
using MjBot.Core.Prompting.Grammar;
using MjBot.Core.Prompting.Scanning;

namespace MjBot.Core.Prompting.Parameters;

/// <summary>Reads typed values from tokens with the value grammar, turning every failure into the error the
/// member sees.</summary>
internal static class ValueReader
{
    public static PromptError? Integer(ParameterDefinition definition, ScannedToken token, long min, long max, out long value)
    {
        value = 0;
        if (!ValueGrammar.WholeNumber.TryParseWhole(token.Text, out var digits))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.whole_number", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            return OutOfRange(definition, token, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    public static PromptError? Decimal(ParameterDefinition definition, ScannedToken token, double min, double max, out double value)
    {
        if (!ValueGrammar.DecimalNumber.TryParseWhole(token.Text, out value))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.number", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        return value < min || value > max
            ? OutOfRange(definition, token, Format(min), Format(max))
            : null;
    }

    public static PromptError? OneOf(ParameterDefinition definition, ScannedToken token, string[] allowed, out string canonical)
    {
        canonical = string.Empty;
        if (!ValueGrammar.DecimalNumber.TryParseWhole(token.Text, out var number))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.number", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        canonical = KnownValues.Canonical(allowed, number) ?? string.Empty;
        return canonical.Length > 0 ? null : NotOneOf(definition, token, allowed);
    }

    public static PromptError NotOneOf(ParameterDefinition definition, ScannedToken token, IEnumerable<string> allowed) =>
        PromptError.Of(PromptErrorCode.OutOfRange, "prompt.one_of", token.Position, ("parameter", definition.Display), ("values", string.Join(", ", allowed)));

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static PromptError OutOfRange(ParameterDefinition definition, ScannedToken token, string min, string max) =>
        PromptError.Of(PromptErrorCode.OutOfRange, "prompt.between", token.Position, ("parameter", definition.Display), ("min", min), ("max", max));
}
