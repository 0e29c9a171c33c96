using System.Runtime.InteropServices;
using MjBot.Imaging;
using SkiaSharp;

namespace MjBot.ImageCodecs;

/// <summary>WebP at high quality (libwebp through SkiaSharp): what the upload budget posts, at full resolution, when
/// even the most compressed PNG is over the channel's limit.</summary>
public static class WebPEncoder
{
    public const string ContentType = "image/webp";

    /// <summary>The largest side WebP can hold.</summary>
    public const int MaxSide = 16383;

    /// <summary>Encodes <paramref name="image"/> (unpremultiplied RGBA) at <paramref name="quality"/> (0–100); null when
    /// WebP cannot hold it (a side over 16383) or libwebp fails, so the caller goes on without it.</summary>
    public static byte[]? Encode(RgbaImage image, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width > MaxSide || image.Height > MaxSide)
        {
            return null;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, image.IsOpaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        if (bitmap.RowBytes != image.Stride || bitmap.GetPixels() == IntPtr.Zero)
        {
            return null;
        }

        Marshal.Copy(image.Pixels, 0, bitmap.GetPixels(), image.Pixels.Length);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Webp, quality);
        return encoded?.ToArray();
    }
}
