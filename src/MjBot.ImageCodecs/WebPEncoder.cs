using System.Runtime.InteropServices;
using MjBot.Imaging;
using SkiaSharp;

namespace MjBot.ImageCodecs;

/// <summary>WebP at high quality (libwebp through SkiaSharp): what the upload budget posts, at full resolution, when
/// even the most compressed PNG is over the channel's limit.</summary>
public static class WebPEncoder
{
    public const string ContentType = "image/webp";

    /// <summary>Encodes <paramref name="image"/> (unpremultiplied RGBA) at <paramref name="quality"/> (0–100).</summary>
    public static byte[] Encode(RgbaImage image, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, image.IsOpaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        Marshal.Copy(image.Pixels, 0, bitmap.GetPixels(), image.Pixels.Length);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Webp, quality) ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
        return encoded.ToArray();
    }
}
