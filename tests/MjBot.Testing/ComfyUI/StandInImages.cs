using System.Security.Cryptography;
using System.Text;
using MjBot.Imaging;

namespace MjBot.Testing.ComfyUI;

/// <summary>What the stand-in's "models" paint: an image of one colour that follows from everything that should change
/// it (the checkpoint, the LoRAs, the prompt, the seed and batch index, the guidance), so tests can tell images apart
/// and see that a parameter reached the sampler; image-to-image keeps the source where the mask does not reach.</summary>
public static class StandInImages
{
    public static (byte R, byte G, byte B) Colour(string recipe)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipe));
        return (hash[0], hash[1], hash[2]);
    }

    public static RgbaImage Solid(int width, int height, (byte R, byte G, byte B) colour)
    {
        var image = new RgbaImage(width, height);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (colour.R, colour.G, colour.B, 255);
        }

        return image;
    }

    /// <summary>The colour painted over the source: where <paramref name="mask"/> is set (1 − alpha of LoadImage), or
    /// everywhere blended by the denoise strength.</summary>
    public static RgbaImage Paint(RgbaImage source, (byte R, byte G, byte B) colour, double denoise, float[]? mask)
    {
        var image = new RgbaImage(source.Width, source.Height);
        var from = source.Pixels;
        var to = image.Pixels;
        for (var p = 0; p < source.Width * source.Height; p++)
        {
            var amount = mask is null ? denoise : mask[p];
            var i = p * 4;
            to[i] = Mix(from[i], colour.R, amount);
            to[i + 1] = Mix(from[i + 1], colour.G, amount);
            to[i + 2] = Mix(from[i + 2], colour.B, amount);
            to[i + 3] = 255;
        }

        return image;
    }

    private static byte Mix(byte a, byte b, double amount) => (byte)Math.Clamp(Math.Round((a * (1 - amount)) + (b * amount)), 0, 255);
}
