using System.Globalization;
using MjBot.Core.Generation;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Zoom Out and Pan for an inpainting model: the canvas from <see cref="OutpaintLayout"/> (grey where it is
/// new), a mask (white = paint), and afterwards the original pixels put back where they were known.</summary>
internal static class OutpaintCanvas
{
    public static (RgbaImage Canvas, RgbaImage Mask) ZoomOut(RgbaImage source, int width, int height, string option) =>
        Split(OutpaintLayout.ZoomOut(source, width, height, double.Parse(option, CultureInfo.InvariantCulture)));

    /// <summary>The pan's whole canvas at the source's own resolution (the source unchanged, a transparent band on
    /// one side).</summary>
    public static RgbaImage PanCanvas(RgbaImage source, string direction)
    {
        try
        {
            return OutpaintLayout.PanCanvas(source, direction);
        }
        catch (ArgumentException)
        {
            throw GenerationException.Of("failure.pan_direction", retryable: false, ("direction", direction));
        }
    }

    /// <summary>The pan canvas scaled to the model's size, as the model's canvas and mask.</summary>
    public static (RgbaImage Canvas, RgbaImage Mask) Pan(RgbaImage full, int width, int height) =>
        Split(Resampler.Lanczos3(full, width, height));

    /// <summary>The made image with the known part of <paramref name="canvas"/> restored exactly.</summary>
    public static RgbaImage Restore(RgbaImage made, RgbaImage canvas, RgbaImage mask)
    {
        var result = new RgbaImage(made.Width, made.Height, (byte[])made.Pixels.Clone());
        for (var i = 0; i < result.Pixels.Length; i += 4)
        {
            if (mask.Pixels[i] < 128)
            {
                canvas.Pixels.AsSpan(i, 3).CopyTo(result.Pixels.AsSpan(i, 3));
            }
        }

        return result;
    }

    private static (RgbaImage Canvas, RgbaImage Mask) Split(RgbaImage layout)
    {
        var canvas = new RgbaImage(layout.Width, layout.Height);
        var mask = new RgbaImage(layout.Width, layout.Height);
        for (var i = 0; i < layout.Pixels.Length; i += 4)
        {
            var known = layout.Pixels[i + 3] >= 128;
            for (var c = 0; c < 3; c++)
            {
                canvas.Pixels[i + c] = known ? layout.Pixels[i + c] : (byte)127;
                mask.Pixels[i + c] = known ? (byte)0 : (byte)255;
            }

            canvas.Pixels[i + 3] = mask.Pixels[i + 3] = 255;
        }

        return (canvas, mask);
    }
}
