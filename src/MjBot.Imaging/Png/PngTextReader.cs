using System.IO.Compression;
using System.Text;

namespace MjBot.Imaging.Png;

/// <summary>Reads tEXt (Latin-1), zTXt (compressed Latin-1) and iTXt (UTF-8, optionally compressed) chunks.
/// A malformed text chunk is ancillary: it is skipped, as the PNG specification allows, and never fails the image.</summary>
internal static class PngTextReader
{
    public static PngTextChunk? Read(string type, ReadOnlySpan<byte> data, int maxTextBytes)
    {
        var zero = data.IndexOf((byte)0);
        if (zero is < 1 or > 79)
        {
            return null;
        }

        var keyword = Encoding.Latin1.GetString(data[..zero]);
        var rest = data[(zero + 1)..];
        switch (type)
        {
            case "tEXt":
                return new PngTextChunk(type, keyword, Encoding.Latin1.GetString(rest));
            case "zTXt":
                return rest.Length >= 1 && rest[0] == 0 && Inflate(rest[1..], maxTextBytes) is { } latin1
                    ? new PngTextChunk(type, keyword, Encoding.Latin1.GetString(latin1))
                    : null;
            default:
                return ReadInternational(keyword, rest, maxTextBytes);
        }
    }

    private static PngTextChunk? ReadInternational(string keyword, ReadOnlySpan<byte> rest, int maxTextBytes)
    {
        if (rest.Length < 2)
        {
            return null;
        }

        var compressed = rest[0] == 1;
        var afterFlags = rest[2..];
        var languageEnd = afterFlags.IndexOf((byte)0);
        if (languageEnd < 0)
        {
            return null;
        }

        var afterLanguage = afterFlags[(languageEnd + 1)..];
        var translatedEnd = afterLanguage.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            return null;
        }

        var text = afterLanguage[(translatedEnd + 1)..];
        var utf8 = compressed ? Inflate(text, maxTextBytes) : text.ToArray();
        return utf8 is null ? null : new PngTextChunk("iTXt", keyword, Encoding.UTF8.GetString(utf8));
    }

    private static byte[]? Inflate(ReadOnlySpan<byte> compressed, int maxBytes)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            // Corrupt compressed text: the chunk is skipped (see the class remarks).
            return null;
        }
    }
}
