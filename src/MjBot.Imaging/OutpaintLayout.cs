namespace MjBot.Imaging;

/// <summary>Where Zoom Out and Pan put the existing image on the new canvas. The canvas is transparent where the
/// backend must paint: Zoom Out shrinks the image into the middle; Pan shifts it a quarter of the canvas towards the
/// other side, leaving a band in the direction of the pan.</summary>
public static class OutpaintLayout
{
    /// <summary>The image, fitted to the canvas's aspect and shrunk by <paramref name="factor"/> (1.1–4), centred on a
    /// transparent canvas.</summary>
    public static RgbaImage ZoomOut(RgbaImage source, int width, int height, double factor)
    {
        ArgumentNullException.ThrowIfNull(source);
        var f = Math.Clamp(factor, 1.1, 4);
        var (w, h) = ((int)Math.Round(width / f), (int)Math.Round(height / f));
        return Place(source, width, height, w, h, (width - w) / 2, (height - h) / 2);
    }

    /// <summary>The image, fitted to the canvas, shifted a quarter away from <paramref name="direction"/>
    /// (<c>left</c>, <c>right</c>, <c>up</c>, <c>down</c>).</summary>
    /// <exception cref="ArgumentException">An unknown direction.</exception>
    public static RgbaImage Pan(RgbaImage source, int width, int height, string direction)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (x, y) = direction switch
        {
            "left" => (width / 4, 0),
            "right" => (-width / 4, 0),
            "up" => (0, height / 4),
            "down" => (0, -height / 4),
            _ => throw new ArgumentException($"Unknown pan direction \"{direction}\".", nameof(direction)),
        };
        return Place(source, width, height, width, height, x, y);
    }

    private static RgbaImage Place(RgbaImage source, int canvasWidth, int canvasHeight, int width, int height, int x, int y)
    {
        var fitted = ImageOperations.CenterCropToAspect(source, canvasWidth, canvasHeight);
        var scaled = Resampler.Lanczos3(fitted, width, height);
        var canvas = new RgbaImage(canvasWidth, canvasHeight);
        for (var row = 0; row < height; row++)
        {
            var target = row + y;
            if (target < 0 || target >= canvasHeight)
            {
                continue;
            }

            var from = Math.Max(0, -x);
            var to = Math.Min(width, canvasWidth - x);
            if (to > from)
            {
                scaled.Row(row).Slice(from * 4, (to - from) * 4).CopyTo(canvas.Row(target).Slice((from + x) * 4));
            }
        }

        return canvas;
    }
}
