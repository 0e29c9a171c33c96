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
            return new PromptError(
                PromptErrorCode.InvalidValue, $"{definition.Display} takes a whole number, not `{token.Text}`", token.Position);
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
            return new PromptError(PromptErrorCode.InvalidValue, $"{definition.Display} takes a number, not `{token.Text}`", token.Position);
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
            return new PromptError(PromptErrorCode.InvalidValue, $"{definition.Display} takes a number, not `{token.Text}`", token.Position);
        }

        canonical = KnownValues.Canonical(allowed, number) ?? string.Empty;
        return canonical.Length > 0 ? null : NotOneOf(definition, token, allowed);
    }

    public static PromptError NotOneOf(ParameterDefinition definition, ScannedToken token, IEnumerable<string> allowed) =>
        new(PromptErrorCode.OutOfRange, $"{definition.Display} must be one of {string.Join(", ", allowed)}", token.Position);

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static PromptError OutOfRange(ParameterDefinition definition, ScannedToken token, string min, string max) =>
        new(PromptErrorCode.OutOfRange, $"{definition.Display} must be between {min} and {max}", token.Position);
}
