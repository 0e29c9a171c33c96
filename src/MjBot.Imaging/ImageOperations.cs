namespace MjBot.Imaging;

/// <summary>Crops.</summary>
public static class ImageOperations
{
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
