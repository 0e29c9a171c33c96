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

    /// <summary>The source shifted by a quarter towards the other side, leaving a transparent band where the canvas grows.</summary>
    public static byte[] Pan(byte[] png, string direction, int edge)
    {
        try
        {
            return PngEncoder.Encode(OutpaintLayout.Pan(Decode(png), edge, edge, direction));
        }
        catch (ArgumentException ex)
        {
            throw new GenerationException(ex.Message, retryable: false);
        }
    }

    private static RgbaImage Decode(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw new GenerationException($"OpenAI sent an unreadable PNG ({failure.Error.Message}).", retryable: true),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };
}
