namespace MjBot.Imaging;

/// <summary>Midjourney's grid: four equal images as 2x2 (1 = top-left, 2 = top-right, 3 = bottom-left,
/// 4 = bottom-right), or fewer side by side (two portrait or square images) or stacked (two landscape ones).</summary>
public static class ImageGrid
{
    /// <summary>Composes equal-size images into a grid with an optional transparent gutter.</summary>
    /// <param name="images">One to four images of the same size.</param>
    /// <param name="gutter">Pixels between cells.</param>
    /// <returns>The grid.</returns>
    public static RgbaImage Compose(IReadOnlyList<RgbaImage> images, int gutter = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(images.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(images.Count, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(gutter);
        int width = images[0].Width, height = images[0].Height;
        if (images.Any(i => i.Width != width || i.Height != height))
        {
            throw new ArgumentException("Grid images must all be the same size.", nameof(images));
        }

        var (columns, rows) = GridLayout.For(images.Count, width, height);
        var grid = new RgbaImage((columns * width) + ((columns - 1) * gutter), (rows * height) + ((rows - 1) * gutter));
        for (var index = 0; index < images.Count; index++)
        {
            var (x0, y0) = CellOrigin(index, columns, width, height, gutter);
            for (var y = 0; y < height; y++)
            {
                images[index].Row(y).CopyTo(grid.Row(y0 + y)[(x0 * 4)..]);
            }
        }

        return grid;
    }

    /// <summary>Crops tile <paramref name="tile"/> (1-based, Midjourney's numbering) out of a full-resolution grid.</summary>
    /// <param name="grid">The grid as composed by <see cref="Compose"/>.</param>
    /// <param name="tile">1 to the number of cells.</param>
    /// <param name="layout">The layout it was composed with (<see cref="GridLayout.For"/>).</param>
    /// <param name="gutter">The gutter it was composed with.</param>
    /// <returns>The tile.</returns>
    public static RgbaImage CropTile(RgbaImage grid, int tile, GridLayout layout, int gutter = 0)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfLessThan(tile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tile, layout.Columns * layout.Rows);
        int width = (grid.Width - ((layout.Columns - 1) * gutter)) / layout.Columns;
        int height = (grid.Height - ((layout.Rows - 1) * gutter)) / layout.Rows;
        var (x0, y0) = CellOrigin(tile - 1, layout.Columns, width, height, gutter);
        return ImageOperations.Crop(grid, x0, y0, width, height);
    }

    private static (int X, int Y) CellOrigin(int index, int columns, int width, int height, int gutter) =>
        ((index % columns) * (width + gutter), (index / columns) * (height + gutter));
}
