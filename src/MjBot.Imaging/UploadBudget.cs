using MjBot.Imaging.Png;

namespace MjBot.Imaging;

/// <summary>Makes an image fit Discord's upload limit: re-encode at the highest compression, then downscale in steps
/// (Lanczos-3, 85 % a step) until it fits. The full-resolution original is the caller's to keep on disk.</summary>
public static class UploadBudget
{
    /// <summary>Discord's default per-file limit without a boost: 10 MiB.</summary>
    public const long DefaultLimitBytes = 10L * 1024 * 1024;

    private const double StepScale = 0.85;
    private const int SmallestSide = 16;

    /// <summary>Encodes <paramref name="image"/> as a PNG no larger than <paramref name="limitBytes"/>.</summary>
    /// <param name="image">The full-resolution image.</param>
    /// <param name="limitBytes">The limit: the interaction's <c>attachment_size_limit</c> when known, else
    /// <see cref="DefaultLimitBytes"/>.</param>
    /// <param name="options">Encoder options (text chunks, starting compression level).</param>
    /// <returns>The PNG and how it was made to fit, or <see langword="null"/> when even a tiny image does not fit.</returns>
    public static UploadBudgetResult? Fit(RgbaImage image, long limitBytes = DefaultLimitBytes, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(limitBytes, 1);
        options ??= PngEncoderOptions.Default;
        var png = PngEncoder.Encode(image, options);
        if (png.LongLength <= limitBytes)
        {
            return new UploadBudgetResult(png, image.Width, image.Height, options.CompressionLevel);
        }

        var strongest = new PngEncoderOptions { CompressionLevel = 9, ForceAlpha = options.ForceAlpha, Text = options.Text };
        png = PngEncoder.Encode(image, strongest);
        var current = image;
        while (png.LongLength > limitBytes)
        {
            var width = (int)(current.Width * StepScale);
            var height = (int)(current.Height * StepScale);
            if (width < SmallestSide || height < SmallestSide)
            {
                return null;
            }

            current = Resampler.Lanczos3(image, width, height);
            png = PngEncoder.Encode(current, strongest);
        }

        return new UploadBudgetResult(png, current.Width, current.Height, 9);
    }
}
