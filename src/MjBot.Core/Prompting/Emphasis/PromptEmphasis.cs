using System.Globalization;
using System.Text;

namespace MjBot.Core.Prompting.Emphasis;

/// <summary>The emphasis syntax every Stable Diffusion tool reads (AUTOMATIC1111's and ComfyUI's): <c>(word)</c> ×1.1,
/// <c>[word]</c> ÷1.1, <c>(word:1.3)</c> sets the weight, brackets nest and multiply, <c>\(</c> <c>\)</c> <c>\[</c>
/// <c>\]</c> <c>\\</c> are the literal characters. A closing bracket with nothing open, and a <c>:1.3)</c> outside
/// parentheses, stay literal text; brackets still open at the end apply to the rest of the prompt. Adjacent runs of
/// the same weight are merged.</summary>
public static class PromptEmphasis
{
    private const double Step = 1.1;

    /// <summary>Gets whether <paramref name="text"/> uses the syntax at all (any bracket or backslash).</summary>
    public static bool Uses(string text) => text.AsSpan().IndexOfAny("()[]\\") >= 0;

    public static IReadOnlyList<EmphasisSpan> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<(StringBuilder Text, double Weight)>();
        var round = new Stack<int>();
        var square = new Stack<int>();

        void Add(string piece)
        {
            if (piece.Length > 0)
            {
                runs.Add((new StringBuilder(piece), 1.0));
            }
        }

        void Multiply(int from, double factor)
        {
            for (var i = from; i < runs.Count; i++)
            {
                runs[i] = (runs[i].Text, runs[i].Weight * factor);
            }
        }

        var i = 0;
        var literal = new StringBuilder();
        void Flush()
        {
            Add(literal.ToString());
            literal.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '(' or ')' or '[' or ']' or '\\')
            {
                literal.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '(' || c == '[')
            {
                Flush();
                (c == '(' ? round : square).Push(runs.Count);
                i++;
                continue;
            }

            if (c == ':' && round.Count > 0 && Weight(text, i) is { } weighted)
            {
                Flush();
                Multiply(round.Pop(), weighted.Value);
                i = weighted.End;
                continue;
            }

            if ((c == ')' && round.Count > 0) || (c == ']' && square.Count > 0))
            {
                Flush();
                Multiply((c == ')' ? round : square).Pop(), c == ')' ? Step : 1 / Step);
                i++;
                continue;
            }

            literal.Append(c);
            i++;
        }

        Flush();
        foreach (var open in round)
        {
            Multiply(open, Step);
        }

        foreach (var open in square)
        {
            Multiply(open, 1 / Step);
        }

        var merged = new List<EmphasisSpan>();
        foreach (var (piece, weight) in runs)
        {
            if (merged.Count > 0 && merged[^1].Weight == weight)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + piece };
            }
            else
            {
                merged.Add(new EmphasisSpan(piece.ToString(), weight));
            }
        }

        return merged.Count == 0 ? [new EmphasisSpan(string.Empty, 1)] : merged;
    }

    /// <summary>The words without the syntax (what a model that does not read it should get).</summary>
    public static string Plain(string text) => Uses(text) ? string.Concat(Parse(text).Select(static s => s.Text)) : text;

    // ":" then optional spaces, a number, optional spaces and ")": the weight and the index after the ")".
    private static (double Value, int End)? Weight(string text, int colon)
    {
        var j = colon + 1;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        var start = j;
        while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] is '.' or '+' or '-'))
        {
            j++;
        }

        var number = text[start..j];
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] == ')' && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value, j + 1)
            : null;
    }
}
