using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Benchmarks;

/// <summary>The grid work the imaging benchmark and the comparison both time.</summary>
internal static class GridPipeline
{
    public static byte[] Run(IReadOnlyList<byte[]> pngs)
    {
        var images = pngs.Select(static png => ((PngDecodeResult.Success)PngDecoder.Decode(png)).Image.Pixels).ToList();
        return PngEncoder.Encode(ImageGrid.Compose(images), new PngEncoderOptions { CompressionLevel = 6 });
    }
}
