using System.Buffers.Binary;

namespace MjBot.Imaging;

/// <summary>Recognises an image's format from its signature. MjBot works in PNG; what members bring in the other
/// formats is decoded by MjBot.ImageCodecs and handed on as PNG.</summary>
public static class ImageFormats
{
    /// <summary>Gets a PNG's width and height from its header (IHDR) without decoding it, or null when the bytes do
    /// not start like a PNG.</summary>
    public static (int Width, int Height)? PngSize(ReadOnlySpan<byte> png) =>
        Identify(png) == ImageFormat.Png && png.Length >= 24 && png[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]))
            : null;

    /// <summary>Identifies <paramref name="data"/> by its first bytes.</summary>
    /// <param name="data">The start of the file (12 bytes are enough).</param>
    /// <returns>The format, or <see cref="ImageFormat.Unknown"/>.</returns>
    public static ImageFormat Identify(ReadOnlySpan<byte> data) => data switch
    {
        [137, 80, 78, 71, 13, 10, 26, 10, ..] => ImageFormat.Png,
        [0xFF, 0xD8, 0xFF, ..] => ImageFormat.Jpeg,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ImageFormat.WebP,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => ImageFormat.Gif,
        _ => ImageFormat.Unknown,
    };
}
