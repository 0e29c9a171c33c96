using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MjBot.Imaging.Png;

/// <summary>Writes 8-bit RGB or RGBA PNGs, choosing each row's filter by the minimum sum of absolute differences.</summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    // Large IDATs are split so that no chunk approaches the 2^31 limit and readers can stream.
    private const int MaxIdatLength = 1 << 20;

    /// <summary>Encodes <paramref name="image"/>.</summary>
    /// <param name="image">The pixels.</param>
    /// <param name="options">Compression, alpha and text; <see cref="PngEncoderOptions.Default"/> when null.</param>
    /// <returns>The PNG file.</returns>
    public static byte[] Encode(RgbaImage image, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= PngEncoderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CompressionLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CompressionLevel, 9);
        var alpha = options.ForceAlpha || !image.IsOpaque;
        var channels = alpha ? 4 : 3;

        using var file = new MemoryStream();
        file.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)image.Height);
        header[8] = 8;
        header[9] = (byte)(alpha ? PngColorType.TruecolorAlpha : PngColorType.Truecolor);
        WriteChunk(file, "IHDR", header);
        foreach (var text in options.Text)
        {
            WriteChunk(file, IsLatin1(text.Text) ? "tEXt" : "iTXt", EncodeText(text));
        }

        var compressed = Compress(image, channels, options.CompressionLevel);
        for (var offset = 0; offset < compressed.Length || offset == 0; offset += MaxIdatLength)
        {
            WriteChunk(file, "IDAT", compressed.AsSpan(offset, Math.Min(MaxIdatLength, compressed.Length - offset)));
            if (compressed.Length == 0)
            {
                break;
            }
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Gets <paramref name="png"/> with <paramref name="text"/> written right after its header, replacing
    /// any text chunk of the same keyword; every other chunk, the pixels included, is copied byte for byte.</summary>
    /// <param name="png">A valid PNG file.</param>
    /// <param name="text">The text chunks to write.</param>
    /// <returns>The new file.</returns>
    /// <exception cref="PngFormatException">The file is not a valid PNG.</exception>
    public static byte[] WithText(byte[] png, IReadOnlyList<PngTextChunk> text)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(text);
        var chunks = PngChunkReader.ReadAll(png);
        var replaced = text.Select(static t => t.Keyword).ToHashSet(StringComparer.Ordinal);
        using var file = new MemoryStream(png.Length + text.Sum(static t => t.Text.Length * 3 + 100));
        file.Write(Signature);
        foreach (var chunk in chunks)
        {
            if (chunk.Type is "tEXt" or "iTXt" or "zTXt" && replaced.Contains(KeywordOf(png, chunk)))
            {
                continue;
            }

            file.Write(png, chunk.Offset - 8, chunk.Length + 12);
            if (chunk.Type == "IHDR")
            {
                foreach (var t in text)
                {
                    WriteChunk(file, IsLatin1(t.Text) ? "tEXt" : "iTXt", EncodeText(t));
                }
            }
        }

        return file.ToArray();
    }

    private static string KeywordOf(byte[] png, PngChunk chunk)
    {
        var data = png.AsSpan(chunk.Offset, chunk.Length);
        var end = data.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? data : data[..end]);
    }

    private static byte[] Compress(RgbaImage image, int channels, int level)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            var rowBytes = image.Width * channels;
            var previous = new byte[rowBytes];
            var current = new byte[rowBytes];
            var filtered = new byte[rowBytes + 1];
            var best = new byte[rowBytes + 1];
            for (var y = 0; y < image.Height; y++)
            {
                Pack(image.Row(y), current, channels);
                RowFilterChooser.Choose(current, previous, channels, filtered, best);
                zlib.Write(best);
                (current, previous) = (previous, current);
            }
        }

        return output.ToArray();
    }

    private static void Pack(ReadOnlySpan<byte> rgba, Span<byte> row, int channels)
    {
        if (channels == 4)
        {
            rgba.CopyTo(row);
            return;
        }

        for (int i = 0, o = 0; i < rgba.Length; i += 4, o += 3)
        {
            row[o] = rgba[i];
            row[o + 1] = rgba[i + 1];
            row[o + 2] = rgba[i + 2];
        }
    }

    private static void WriteChunk(Stream file, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, prefix[4..]);
        file.Write(prefix);
        file.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(prefix[4..], data));
        file.Write(crc);
    }

    private static bool IsLatin1(string text) => text.All(static c => c <= 0xFF && c != 0);

    private static byte[] EncodeText(PngTextChunk text)
    {
        if (text.Keyword.Length is < 1 or > 79 || !IsLatin1(text.Keyword))
        {
            throw new ArgumentException($"PNG keyword \"{text.Keyword}\" must be 1–79 Latin-1 characters.", nameof(text));
        }

        var keyword = Encoding.Latin1.GetBytes(text.Keyword);
        if (IsLatin1(text.Text))
        {
            return [.. keyword, 0, .. Encoding.Latin1.GetBytes(text.Text)];
        }

        // iTXt: keyword, NUL, not compressed, method 0, empty language tag, NUL, empty translated keyword, NUL, UTF-8.
        return [.. keyword, 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(text.Text)];
    }
}
