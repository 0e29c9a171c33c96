using SkiaSharp;

namespace MjBot.Testing;

/// <summary>Images in the formats members bring (JPEG, WebP), written by SkiaSharp's encoders, of one colour.</summary>
public static class EncodedImages
{
    public static byte[] Solid(int width, int height, (byte R, byte G, byte B) colour, SKEncodedImageFormat format, int quality = 95)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(colour.R, colour.G, colour.B));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }
}
