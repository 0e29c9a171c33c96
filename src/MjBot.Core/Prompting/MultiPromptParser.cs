using System.Collections.Immutable;
using MjBot.Core.Prompting.Grammar;

namespace MjBot.Core.Prompting;

/// <summary>Splits text on <c>::</c> into weighted segments: a number right after <c>::</c> weighs the segment
/// before it; a segment without one weighs 1; the weights must add up to more than zero.</summary>
internal static class MultiPromptParser
{
    public static PromptError? Parse(string text, int offset, out ImmutableArray<PromptSegment> segments, out bool hasDecimalWeights)
    {
        segments = [];
        hasDecimalWeights = false;
        var builder = ImmutableArray.CreateBuilder<PromptSegment>();
        var start = 0;
        var at = text.IndexOf("::", StringComparison.Ordinal);
        while (at >= 0)
        {
            var segment = text[start..at].Trim();
            var next = at + 2;
            double weight = 1;
            var consumed = ValueGrammar.DecimalNumber.TryParsePrefix(text, next, out var parsed);
            if (consumed > 0)
            {
                weight = parsed;
                hasDecimalWeights |= weight != Math.Floor(weight);
                next += consumed;
                if (segment.Length == 0)
                {
                    return PromptError.Of(PromptErrorCode.InvalidWeights, "prompt.weight_no_text", offset + at, ("weight", text[(at + 2)..next]));
                }
            }
            else if (next < text.Length && text[next] is '-' or '+')
            {
                return PromptError.Of(PromptErrorCode.InvalidWeights, "prompt.weight_number", offset + at);
            }

            if (segment.Length > 0)
            {
                builder.Add(new PromptSegment(segment, weight));
            }

            start = next;
            at = text.IndexOf("::", start, StringComparison.Ordinal);
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            builder.Add(new PromptSegment(last, 1));
        }

        var sum = builder.Sum(static s => s.Weight);
        if (builder.Count > 0 && !(sum > 0))
        {
            return PromptError.Of(PromptErrorCode.InvalidWeights, "prompt.weights_sum", offset, ("sum", ValueReaderFormat(sum)));
        }

        segments = builder.ToImmutable();
        return null;
    }

    private static string ValueReaderFormat(double value) => Parameters.ValueReader.Format(value);
}
