using SkiaSharp;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>ComfyUI's previews (JPEG) and any non-PNG a workflow saves (WebP), decoded with SkiaSharp and brought to
/// PNG, the one format the rest of MjBot stores and posts.</summary>
internal static class PreviewImages
{
    /// <summary>The largest side accepted, so a crafted header cannot make the decoder allocate gigabytes.</summary>
    public const int MaxSide = 8192;

    /// <summary>Decodes <paramref name="encoded"/> (JPEG, WebP, PNG, GIF, BMP) and encodes it as PNG.</summary>
    /// <exception cref="InvalidDataException">It is not an image SkiaSharp reads, or it is too large.</exception>
    public static byte[] ToPng(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("The bytes are not an image in a known format.");
        if (codec.Info.Width is <= 0 or > MaxSide || codec.Info.Height is <= 0 or > MaxSide)
        {
            throw new InvalidDataException($"The image is {codec.Info.Width}×{codec.Info.Height}: at most {MaxSide} pixels a side.");
        }

        using var bitmap = SKBitmap.Decode(codec) ?? throw new InvalidDataException("The image could not be decoded.");
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidDataException("The image could not be encoded as PNG.");
        return png.ToArray();
    }
}
