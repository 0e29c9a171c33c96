namespace MjBot.Core.Prompting.Scanning;

/// <summary>Splits a prompt into its anatomy in one linear pass: <c>[image links] [text] [parameters]</c>.
/// The values themselves are parsed by <see cref="Grammar.ValueGrammar"/>.</summary>
/// <remarks>
/// A parameter starts at <c>--</c> followed by a non-space character, anywhere, even glued to the previous
/// word (<c>robot--v 7</c>, as Midjourney does), or at an em dash <c>—</c> that begins a word (phones turn
/// <c>--</c> into <c>—</c>; a glued em dash is ordinary punctuation, as in "cat—dog"). A single hyphen or an
/// en dash never starts a parameter.
/// </remarks>
internal static class PromptScanner
{
    private const char EmDash = '\u2014';

    public static ScannedPrompt Scan(string prompt)
    {
        var index = SkipWhiteSpace(prompt, 0);
        var links = new List<ScannedToken>();
        while (index < prompt.Length && StartsWithScheme(prompt, index))
        {
            var end = TokenEnd(prompt, index, stopAtMarker: false);
            links.Add(new ScannedToken(prompt[index..end], index));
            index = SkipWhiteSpace(prompt, end);
        }

        var textStart = index;
        var textEnd = NextMarker(prompt, textStart);
        var parameters = new List<RawParameter>();
        var position = textEnd;
        while (position < prompt.Length)
        {
            var markerLength = prompt[position] == EmDash ? 1 : 2;
            var nameEnd = TokenEnd(prompt, position + markerLength, stopAtMarker: true);
            var values = new List<ScannedToken>();
            var cursor = SkipWhiteSpace(prompt, nameEnd);
            while (cursor < prompt.Length && !IsMarker(prompt, cursor))
            {
                var end = TokenEnd(prompt, cursor, stopAtMarker: true);
                values.Add(new ScannedToken(prompt[cursor..end], cursor));
                cursor = SkipWhiteSpace(prompt, end);
            }

            parameters.Add(new RawParameter(
                prompt.Substring(position, markerLength),
                prompt[(position + markerLength)..nameEnd],
                position,
                values));
            position = cursor;
        }

        return new ScannedPrompt(links, textStart, textEnd, parameters);
    }

    internal static bool IsMarker(string text, int index)
    {
        if (index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]))
        {
            return false;
        }

        return text[index] == EmDash
            ? index == 0 || char.IsWhiteSpace(text[index - 1])
            : text[index] == '-' && text[index + 1] == '-' && index + 2 < text.Length && !char.IsWhiteSpace(text[index + 2]);
    }

    private static int NextMarker(string text, int from)
    {
        // Jump between the only characters that can start a marker (vectorised), then check each candidate.
        for (var i = from; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny('-', EmDash);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (IsMarker(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int TokenEnd(string text, int from, bool stopAtMarker)
    {
        var i = from;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(stopAtMarker && i > from && IsGluedMarker(text, i)))
        {
            i++;
        }

        return i;
    }

    // Inside a word only "--" starts a parameter (robot--v 7); a glued em dash is punctuation.
    private static bool IsGluedMarker(string text, int index) => text[index] == '-' && IsMarker(text, index);

    private static int SkipWhiteSpace(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool StartsWithScheme(string text, int index) =>
        text.AsSpan(index).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(index).StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
