using MjBot.Core.Prompting.Grammar;
using MjBot.Core.Prompting.Scanning;

namespace MjBot.Core.Prompting.Parameters;

/// <summary>Decides which tokens after a parameter are its values and which are left over (free words after a
/// value are "unrecognized parameters", as in Midjourney).</summary>
internal static class ParameterTokenSplitter
{
    public static int CountTaken(ParameterDefinition definition, IReadOnlyList<ScannedToken> tokens) => definition.Arity switch
    {
        ParameterArity.Flag => 0,
        ParameterArity.Single => Math.Min(1, tokens.Count),
        ParameterArity.OptionalNumber => tokens.Count > 0 && ValueGrammar.DecimalNumber.TryParseWhole(tokens[0].Text, out _) ? 1 : 0,
        ParameterArity.LinkList => TakeWhile(tokens, static text => ValueGrammar.Link.TryParsePrefix(text, 0, out _) > 0),
        ParameterArity.SrefList => TakeWhile(tokens, IsSrefValue),
        ParameterArity.CodeList => TakeWhile(tokens, static text => ValueGrammar.ProfileCode.TryParseWhole(text, out _), firstAlways: false),
        ParameterArity.FreeText => tokens.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Arity, "Unknown arity."),
    };

    public static bool IsSrefValue(string text) => ValueGrammar.SrefEntry.TryParseWhole(text, out _);

    // The first value of a list is always its own (a bad one is then reported as a bad value, not as leftover
    // text); later tokens belong to the list while they look like its values.
    private static int TakeWhile(IReadOnlyList<ScannedToken> tokens, Func<string, bool> isValue, bool firstAlways = true)
    {
        var taken = 0;
        while (taken < tokens.Count && ((firstAlways && taken == 0) || isValue(tokens[taken].Text)))
        {
            taken++;
        }

        return taken;
    }
}
