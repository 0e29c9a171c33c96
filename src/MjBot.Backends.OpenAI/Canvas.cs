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
    public static byte[] ZoomOut(byte[] png, double factor, int edge)
    {
        var inner = (int)Math.Round(edge / Math.Clamp(factor, 1.1, 4));
        return Place(Decode(png), inner, inner, (edge - inner) / 2, (edge - inner) / 2, edge);
    }

    /// <summary>The source shifted by a quarter towards the other side, leaving a transparent band where the canvas grows.</summary>
    public static byte[] Pan(byte[] png, string direction, int edge)
    {
        var shift = edge / 4;
        var (x, y) = direction switch
        {
            "left" => (shift, 0),
            "right" => (-shift, 0),
            "up" => (0, shift),
            "down" => (0, -shift),
            _ => throw new GenerationException($"Unknown pan direction \"{direction}\".", retryable: false),
        };
        return Place(Decode(png), edge, edge, x, y, edge);
    }

    private static byte[] Place(RgbaImage source, int width, int height, int x, int y, int edge)
    {
        var scaled = Resampler.Lanczos3(ImageOperations.CenterCropToAspect(source, 1, 1), width, height);
        var canvas = new RgbaImage(edge, edge);
        for (var row = 0; row < height; row++)
        {
            var target = row + y;
            if (target < 0 || target >= edge)
            {
                continue;
            }

            for (var column = 0; column < width; column++)
            {
                var to = column + x;
                if (to >= 0 && to < edge)
                {
                    scaled.Row(row).Slice(column * 4, 4).CopyTo(canvas.Row(target).Slice(to * 4, 4));
                }
            }
        }

        return PngEncoder.Encode(canvas);
    }

    private static RgbaImage Decode(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw new GenerationException($"OpenAI sent an unreadable PNG ({failure.Error.Message}).", retryable: true),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };
}
