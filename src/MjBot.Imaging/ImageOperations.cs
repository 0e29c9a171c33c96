using MjBot.Imaging.Png;

namespace MjBot.Imaging;

/// <summary>The image work around a backend: crops of pixels, and on PNG files as backends return them the 2×2 grid,
/// the Lanczos 2× upscale for backends without their own, and decoding that names what is wrong.</summary>
public static class ImageOperations
{
    /// <summary>Decodes a PNG a backend returned.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable PNG; the message says why.</exception>
    public static RgbaImage DecodePng(byte[] png) => PngDecoder.Decode(png) switch
    {
        PngDecodeResult.Success success => success.Image.Pixels,
        PngDecodeResult.Failure failure => throw new InvalidDataException(failure.Error.Message),
        _ => throw new InvalidOperationException("Unknown decode result."),
    };

    /// <summary>Composes four PNGs into the 2×2 grid, as a PNG.</summary>
    /// <exception cref="InvalidDataException">One of them is not a readable PNG.</exception>
    public static byte[] GridPng(IReadOnlyList<byte[]> pngs)
    {
        ArgumentNullException.ThrowIfNull(pngs);
        return PngEncoder.Encode(ImageGrid.Compose([.. pngs.Select(DecodePng)]));
    }

    /// <summary>Upscales a PNG to twice its width and height (Lanczos-3), as a PNG.</summary>
    /// <exception cref="InvalidDataException">It is not a readable PNG.</exception>
    public static byte[] UpscaleTwicePng(byte[] png)
    {
        var image = DecodePng(png);
        return PngEncoder.Encode(Resampler.Lanczos3(image, image.Width * 2, image.Height * 2));
    }

    /// <summary>Fills <paramref name="width"/> × <paramref name="height"/> with <paramref name="source"/>: cropped to that
    /// ratio about its centre, then resized (Lanczos-3), as an image prompt starts image-to-image.</summary>
    public static RgbaImage Cover(RgbaImage source, int width, int height)
    {
        var cropped = CenterCropToAspect(source, width, height);
        return cropped.Width == width && cropped.Height == height ? cropped : Resampler.Lanczos3(cropped, width, height);
    }

    /// <summary>The pixel-by-pixel mean of images of one size (several image prompts as one start image).</summary>
    public static RgbaImage Mean(IReadOnlyList<RgbaImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfZero(images.Count);
        if (images.Count == 1)
        {
            return images[0];
        }

        var mean = new RgbaImage(images[0].Width, images[0].Height);
        for (var i = 0; i < mean.Pixels.Length; i++)
        {
            var sum = 0;
            foreach (var image in images)
            {
                sum += image.Pixels[i];
            }

            mean.Pixels[i] = (byte)((sum + (images.Count / 2)) / images.Count);
        }

        return mean;
    }

    /// <summary>Copies a rectangle out of <paramref name="source"/>.</summary>
    /// <param name="source">The image.</param>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="width">Width of the rectangle.</param>
    /// <param name="height">Height of the rectangle.</param>
    /// <returns>The rectangle as a new image.</returns>
    public static RgbaImage Crop(RgbaImage source, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > source.Width || y + height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(source), $"The rectangle {x},{y} {width}×{height} is not inside {source.Width}×{source.Height}.");
        }

        var result = new RgbaImage(width, height);
        for (var row = 0; row < height; row++)
        {
            source.Row(y + row).Slice(x * 4, width * 4).CopyTo(result.Row(row));
        }

        return result;
    }

    /// <summary>Crops the largest centred rectangle with exactly the ratio <paramref name="ratioWidth"/>:<paramref name="ratioHeight"/>
    /// (to the nearest pixel).</summary>
    /// <param name="source">The image.</param>
    /// <param name="ratioWidth">Ratio width, e.g. 16.</param>
    /// <param name="ratioHeight">Ratio height, e.g. 9.</param>
    /// <returns>The crop (the image itself when it already has that ratio).</returns>
    public static RgbaImage CenterCropToAspect(RgbaImage source, int ratioWidth, int ratioHeight)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(ratioWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ratioHeight, 1);
        var width = source.Width;
        var height = (int)Math.Round((double)width * ratioHeight / ratioWidth);
        if (height > source.Height)
        {
            height = source.Height;
            width = Math.Max(1, (int)Math.Round((double)height * ratioWidth / ratioHeight));
        }

        height = Math.Max(1, height);
        return width == source.Width && height == source.Height
            ? source
            : Crop(source, (source.Width - width) / 2, (source.Height - height) / 2, width, height);
    }
}
