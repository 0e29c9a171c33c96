namespace MjBot.Imaging.Tests;

/// <summary>Deterministic test images.</summary>
internal static class TestImages
{
    public static RgbaImage Noise(int width, int height, int seed, bool transparent)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        if (!transparent)
        {
            for (var i = 3; i < pixels.Length; i += 4)
            {
                pixels[i] = 255;
            }
        }

        return new RgbaImage(width, height, pixels);
    }

    public static RgbaImage Gradient(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                image.Pixels[o] = (byte)(x * 255 / Math.Max(1, width - 1));
                image.Pixels[o + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                image.Pixels[o + 2] = 128;
                image.Pixels[o + 3] = 255;
            }
        }

        return image;
    }

    public static RgbaImage Solid(int width, int height, byte r, byte g, byte b, byte a = 255)
    {
        var image = new RgbaImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = r;
            image.Pixels[i + 1] = g;
            image.Pixels[i + 2] = b;
            image.Pixels[i + 3] = a;
        }

        return image;
    }
}
