using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Safety;

/// <summary>An image as CLIP's vision tower takes it (the CLIP feature extractor's recipe): the shorter side resized to
/// 224 (Lanczos-3 here, where the reference uses bicubic), the centre 224×224 cropped, and each channel normalised by
/// CLIP's mean and standard deviation, planar [3, 224, 224].</summary>
internal static class ClipImageInput
{
    public const int Side = 224;
    private static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] Deviation = [0.26862954f, 0.26130258f, 0.27577711f];

    public static float[] From(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = (double)Side / Math.Min(image.Width, image.Height);
        var (width, height) = (Math.Max(Side, (int)Math.Round(image.Width * scale)), Math.Max(Side, (int)Math.Round(image.Height * scale)));
        var resized = Resampler.Lanczos3(image, width, height);
        var (left, top) = ((width - Side) / 2, (height - Side) / 2);
        var plane = Side * Side;
        var values = new float[3 * plane];
        for (var y = 0; y < Side; y++)
        {
            var row = resized.Row(top + y);
            for (var x = 0; x < Side; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    values[(c * plane) + (y * Side) + x] = ((row[((left + x) * 4) + c] / 255f) - Mean[c]) / Deviation[c];
                }
            }
        }

        return values;
    }

    /// <summary>Gets the image as the checker's second input takes it: [height, width, 3] in 0..1.</summary>
    public static float[] Interleaved(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var values = new float[image.Width * image.Height * 3];
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            values[i * 3] = image.Pixels[i * 4] / 255f;
            values[(i * 3) + 1] = image.Pixels[(i * 4) + 1] / 255f;
            values[(i * 3) + 2] = image.Pixels[(i * 4) + 2] / 255f;
        }

        return values;
    }
}
