using System.Buffers.Binary;
using MjBot.Imaging.Png;

namespace MjBot.Imaging;

/// <summary>Makes an image fit Discord's upload limit: re-encode at the highest compression, then (when the caller
/// offers one) a smaller format at full resolution, then downscale in steps (Lanczos-3, 85 % a step) until it fits. The
/// full-resolution original is the caller's to keep on disk.</summary>
public static class UploadBudget
{
    /// <summary>Discord's default per-file limit without a boost: 10 MiB.</summary>
    public const long DefaultLimitBytes = 10L * 1024 * 1024;

    private const double StepScale = 0.85;
    private const int SmallestSide = 16;

    /// <summary>Makes an encoded PNG fit: it is kept as it is (with <paramref name="text"/> added, pixels untouched)
    /// when that fits, else decoded and made to fit by <see cref="Fit"/>.</summary>
    /// <param name="png">The full-resolution PNG.</param>
    /// <param name="limitBytes">The limit.</param>
    /// <param name="text">Text chunks every result carries (MjBot's recipe).</param>
    /// <param name="fullResolution">A smaller format at full resolution (WebP), tried before any downscaling, with its
    /// media type; or none.</param>
    /// <returns>The file and how it was made to fit, or <see langword="null"/> when even a tiny image does not fit.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid PNG.</exception>
    public static UploadBudgetResult? FitEncoded(byte[] png, long limitBytes, IReadOnlyList<PngTextChunk> text, (Func<RgbaImage, byte[]?> Encode, string ContentType)? fullResolution = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentOutOfRangeException.ThrowIfLessThan(limitBytes, 1);
        byte[] tagged;
        try
        {
            tagged = PngEncoder.WithText(png, text);
        }
        catch (PngFormatException ex)
        {
            throw new InvalidDataException($"Not a valid PNG: {ex.Message}", ex);
        }

        if (tagged.LongLength <= limitBytes)
        {
            // IHDR is the first chunk: width and height are its first eight bytes.
            return new UploadBudgetResult(tagged, BinaryPrimitives.ReadInt32BigEndian(tagged.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(tagged.AsSpan(20)), CompressionLevel: null);
        }

        var image = PngDecoder.Decode(png) switch
        {
            PngDecodeResult.Success success => success.Image.Pixels,
            PngDecodeResult.Failure failure => throw new InvalidDataException($"Not a valid PNG: {failure.Error.Message}"),
            _ => throw new InvalidOperationException("Unknown decode result."),
        };
        return Fit(image, limitBytes, new PngEncoderOptions { Text = text }, fullResolution);
    }

    /// <summary>Encodes <paramref name="image"/> as a PNG no larger than <paramref name="limitBytes"/>.</summary>
    /// <param name="image">The full-resolution image.</param>
    /// <param name="limitBytes">The limit: the interaction's <c>attachment_size_limit</c> when known, else
    /// <see cref="DefaultLimitBytes"/>.</param>
    /// <param name="options">Encoder options (text chunks, starting compression level).</param>
    /// <param name="fullResolution">A smaller format at full resolution, tried before downscaling; or none.</param>
    /// <returns>The file and how it was made to fit, or <see langword="null"/> when even a tiny image does not fit.</returns>
    public static UploadBudgetResult? Fit(RgbaImage image, long limitBytes = DefaultLimitBytes, PngEncoderOptions? options = null, (Func<RgbaImage, byte[]?> Encode, string ContentType)? fullResolution = null)
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
        if (png.LongLength > limitBytes && fullResolution is { } smaller && smaller.Encode(image) is { } other && other.LongLength <= limitBytes)
        {
            return new UploadBudgetResult(other, image.Width, image.Height, null, smaller.ContentType);
        }

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
