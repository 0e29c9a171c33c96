using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Jobs;

/// <summary>The image work around a backend: decode what it returned, compose the 2×2 grid, pick one image out, and
/// the Lanczos 2× upscale for backends without their own.</summary>
internal static class ImageWork
{
    public static RgbaImage Decode(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw new GenerationException($"The backend returned an unreadable PNG ({failure.Error.Message}).", retryable: true),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };

    public static byte[] Grid(IReadOnlyList<byte[]> images) =>
        PngEncoder.Encode(ImageGrid.Compose([.. images.Select(Decode)]));

    public static byte[] UpscaleTwice(byte[] png)
    {
        var image = Decode(png);
        return PngEncoder.Encode(Resampler.Lanczos3(image, image.Width * 2, image.Height * 2));
    }
}
