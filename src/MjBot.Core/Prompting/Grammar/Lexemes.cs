using Sprache;

namespace MjBot.Core.Prompting.Grammar;

/// <summary>Primitive Sprache parsers that read a whole run of characters in one step and fail with a constant
/// message. Sprache's character-at-a-time primitives allocate a result per character and format a message at every
/// failure, which made them the bulk of parse time; the grammar itself is still composed with Sprache's combinators.</summary>
internal static class Lexemes
{
    /// <summary>Zero or more characters matching <paramref name="predicate"/>, at most <paramref name="maximum"/>:
    /// always succeeds, without building a failure for the common "absent" case.</summary>
    public static Parser<string> Optional(Func<char, bool> predicate, int maximum = int.MaxValue) => input =>
    {
        var source = input.Source;
        var start = input.Position;
        var end = start;
        while (end < source.Length && end - start < maximum && predicate(source[end]))
        {
            end++;
        }

        return Result.Success(end == start ? string.Empty : source[start..end], Skip(input, end - start));
    };

    /// <summary>One or more characters matching <paramref name="predicate"/>.</summary>
    public static Parser<string> Run(Func<char, bool> predicate, string expected)
    {
        var message = expected + " expected";
        string[] expectations = [expected];
        return input =>
        {
            var source = input.Source;
            var start = input.Position;
            var end = start;
            while (end < source.Length && predicate(source[end]))
            {
                end++;
            }

            return end == start
                ? Result.Failure<string>(input, message, expectations)
                : Result.Success(source[start..end], Skip(input, end - start));
        };
    }

    /// <summary>The exact text <paramref name="literal"/>.</summary>
    public static Parser<string> Literal(string literal, StringComparison comparison = StringComparison.Ordinal)
    {
        var message = $"'{literal}' expected";
        string[] expectations = [literal];
        return input => input.Source.AsSpan(input.Position).StartsWith(literal, comparison)
            ? Result.Success(input.Source.Substring(input.Position, literal.Length), Skip(input, literal.Length))
            : Result.Failure<string>(input, message, expectations);
    }

    private static IInput Skip(IInput input, int count)
    {
        if (input is TokenInput token)
        {
            return token.Skip(count);
        }

        for (var i = 0; i < count; i++)
        {
            input = input.Advance();
        }

        return input;
    }
}
