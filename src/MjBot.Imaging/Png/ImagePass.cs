namespace MjBot.Imaging.Png;

/// <summary>The seven passes of Adam7 interlacing, and the single pass of a plain image.</summary>
internal readonly record struct ImagePass(int XStart, int YStart, int XStep, int YStep, int Width, int Height)
{
    private static readonly (int X, int Y, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    public static IEnumerable<ImagePass> For(PngHeader header)
    {
        if (!header.Interlaced)
        {
            yield return new ImagePass(0, 0, 1, 1, header.Width, header.Height);
            yield break;
        }

        foreach (var (x, y, dx, dy) in Adam7)
        {
            var width = header.Width > x ? ((header.Width - x) + dx - 1) / dx : 0;
            var height = header.Height > y ? ((header.Height - y) + dy - 1) / dy : 0;
            if (width > 0 && height > 0)
            {
                yield return new ImagePass(x, y, dx, dy, width, height);
            }
        }
    }

    /// <summary>Bytes per row of this pass, not counting the filter byte.</summary>
    public long RowBytes(PngHeader header) => (((long)Width * header.BitsPerPixel) + 7) / 8;
}
