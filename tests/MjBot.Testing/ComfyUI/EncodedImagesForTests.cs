using MjBot.Imaging;
using MjBot.Imaging.Png;
using SkiaSharp;

namespace MjBot.Testing.ComfyUI;

/// <summary>JPEG bytes, as ComfyUI's sampler previews are (SkiaSharp, which MjBot.Imaging brings).</summary>
public static class EncodedImagesForTests
{
    public static byte[] Jpeg(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = SKBitmap.Decode(PngEncoder.Encode(image));
        using var skia = SKImage.FromBitmap(bitmap);
        using var encoded = skia.Encode(SKEncodedImageFormat.Jpeg, 80);
        return encoded.ToArray();
    }
}
