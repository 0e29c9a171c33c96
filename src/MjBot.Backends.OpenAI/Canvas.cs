using MjBot.Core.Generation;
using MjBot.Core.Prompting;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Backends.OpenAI;

/// <summary>The image work around OpenAI's fixed sizes: centre-crop a result to the member's exact ratio, square a
/// source for the variation and edit endpoints, and lay a source on a larger transparent canvas for Zoom Out and Pan
/// (the edits endpoint fills what is transparent).</summary>
internal static class Canvas
{
    public static byte[] CropTo(byte[] png, AspectRatio aspect)
    {
        var image = Decode(png);
        var cropped = ImageOperations.CenterCropToAspect(image, aspect.Width, aspect.Height);
        return ReferenceEquals(cropped, image) || (cropped.Width == image.Width && cropped.Height == image.Height) ? png : PngEncoder.Encode(cropped);
    }

    public static byte[] Square(byte[] png, int edge)
    {
        var image = Decode(png);
        var square = ImageOperations.CenterCropToAspect(image, 1, 1);
        return PngEncoder.Encode(Resampler.Lanczos3(square, edge, edge));
    }

    /// <summary>The source shrunk by <paramref name="factor"/> in the middle of a transparent square.</summary>
    public static byte[] ZoomOut(byte[] png, double factor, int edge) =>
        PngEncoder.Encode(OutpaintLayout.ZoomOut(Decode(png), edge, edge, factor));

    /// <summary>A pan for the edits endpoint: the grown canvas (the source unchanged, a transparent band on one side),
    /// fitted whole into the model's size nearest its aspect (<paramref name="sizeFor"/>), with transparent margins the
    /// model also paints; <see cref="PanResult"/> takes its answer back.</summary>
    public static (byte[] Png, PanLayout Layout) Pan(byte[] png, string direction, Func<int, int, (int Width, int Height)> sizeFor)
    {
        RgbaImage full;
        try
        {
            full = OutpaintLayout.PanCanvas(Decode(png), direction);
        }
        catch (ArgumentException)
        {
            throw GenerationException.Of("failure.pan_direction", retryable: false, ("direction", direction));
        }

        var size = sizeFor(full.Width, full.Height);
        var scale = Math.Min((double)size.Width / full.Width, (double)size.Height / full.Height);
        var (w, h) = (Math.Max(1, (int)Math.Round(full.Width * scale)), Math.Max(1, (int)Math.Round(full.Height * scale)));
        var (x, y) = ((size.Width - w) / 2, (size.Height - h) / 2);
        var scaled = Resampler.Lanczos3(full, w, h);
        var canvas = new RgbaImage(size.Width, size.Height);
        for (var row = 0; row < h; row++)
        {
            scaled.Row(row).CopyTo(canvas.Row(row + y).Slice(x * 4));
        }

        return (PngEncoder.Encode(canvas, new PngEncoderOptions { ForceAlpha = true }), new PanLayout(full, size.Width, size.Height, x, y, w, h));
    }

    /// <summary>The pan's result: the part of the model's image that holds the canvas, at the canvas's full size, with
    /// the original's pixels put back exactly.</summary>
    public static byte[] PanResult(byte[] edited, PanLayout layout)
    {
        var image = Decode(edited);
        var (sx, sy) = ((double)image.Width / layout.SentWidth, (double)image.Height / layout.SentHeight);
        var part = ImageOperations.Crop(image, (int)(layout.X * sx), (int)(layout.Y * sy), Math.Max(1, (int)(layout.Width * sx)), Math.Max(1, (int)(layout.Height * sy)));
        return PngEncoder.Encode(OutpaintLayout.Restore(part, layout.Canvas));
    }

    /// <summary>Checks that a reference is a readable PNG before it is sent as its own image.</summary>
    public static byte[] CheckedReference(byte[] png)
    {
        _ = DecodeReference(png);
        return png;
    }

    private static RgbaImage DecodeReference(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw GenerationException.Of("failure.reference_unreadable", retryable: false, ("detail", failure.Error.Message)),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };

    private static RgbaImage Decode(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw GenerationException.Of("failure.openai_png", retryable: true, ("detail", failure.Error.Message)),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };
}
