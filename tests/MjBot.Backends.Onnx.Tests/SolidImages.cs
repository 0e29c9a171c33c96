using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Tests;

/// <summary>Images of one colour, for the helper models whose answers depend on colour (the tiny safety checker and
/// CLIP towers).</summary>
internal static class SolidImages
{
    public static RgbaImage Of(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbaImage(width, height);
        for (var i = 0; i < width * height; i++)
        {
            (image.Pixels[i * 4], image.Pixels[(i * 4) + 1], image.Pixels[(i * 4) + 2], image.Pixels[(i * 4) + 3]) = (r, g, b, 255);
        }

        return image;
    }
}
