using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Images ↔ the VAE's pixel tensors: planar RGB (CHW) in [−1, 1]; pixel = round(clamp(x/2 + 0.5, 0, 1)·255).</summary>
internal static class PixelTensors
{
    public static float[] FromImage(RgbaImage image)
    {
        var plane = image.Width * image.Height;
        var data = new float[3 * plane];
        var pixels = image.Pixels;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                data[(c * plane) + i] = (pixels[(i * 4) + c] / 127.5f) - 1f;
            }
        }

        return data;
    }

    public static RgbaImage ToImage(ReadOnlySpan<float> chw, int width, int height)
    {
        var plane = width * height;
        var image = new RgbaImage(width, height);
        var pixels = image.Pixels;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                pixels[(i * 4) + c] = (byte)Math.Round(Math.Clamp((chw[(c * plane) + i] / 2f) + 0.5f, 0f, 1f) * 255f);
            }

            pixels[(i * 4) + 3] = 255;
        }

        return image;
    }
}
