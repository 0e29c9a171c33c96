using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MjBot.Backends.Onnx.Tokenization;

/// <summary>CLIP's text cleanup before tokenizing: mojibake repaired (text that was UTF-8 read as Windows-1252, the
/// case ftfy fixes most often), HTML entities unescaped (twice, as CLIP does), white space collapsed, lower case.</summary>
internal static partial class ClipTextCleaner
{
    // Windows-1252's characters for bytes 0x80–0x9F (the five undefined ones map to the C1 control of that value).
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fixedText = FixMojibake(text);
        var unescaped = WebUtility.HtmlDecode(WebUtility.HtmlDecode(fixedText));
        return Whitespace().Replace(unescaped, " ").Trim().ToLowerInvariant();
    }

    /// <summary>Repairs runs of characters that are UTF-8 bytes shown as Windows-1252 ("cafÃ©" → "café", "donâ€™t" →
    /// "don’t"). A run is changed only when its bytes are valid UTF-8 with at least one multi-byte sequence, so
    /// correct text ("naïve", "Ørsted") is never touched.</summary>
    public static string FixMojibake(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(static c => c is >= '\u00C2' and <= '\u00F4'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var run = new List<byte>();
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var b = i < text.Length ? ByteOf(text[i]) : -1;
            if (b >= 0)
            {
                run.Add((byte)b);
                continue;
            }

            result.Append(Repair(text.AsSpan(runStart, i - runStart), run));
            if (i < text.Length)
            {
                result.Append(text[i]);
            }

            run.Clear();
            runStart = i + 1;
        }

        return result.ToString();
    }

    private static string Repair(ReadOnlySpan<char> original, List<byte> bytes)
    {
        if (!bytes.Any(static b => b >= 0xC2))
        {
            return original.ToString();
        }

        try
        {
            var decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
            return decoded.Length < original.Length ? decoded : original.ToString();
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 in disguise: the text was right as it was.
            return original.ToString();
        }
    }

    // The Windows-1252 byte a character would have been, or -1.
    private static int ByteOf(char c) => c switch
    {
        < '\u0080' => c,
        >= '\u00A0' and <= '\u00FF' => c,
        _ => Cp1252High.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? 0x80 + i : -1,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
