namespace MjBot.Imaging;

/// <summary>Where Zoom Out and Pan put the existing image on the new canvas. The canvas is transparent where the
/// backend must paint: Zoom Out shrinks the image into the middle of a canvas of the model's size; Pan keeps the
/// image pixel for pixel and grows the canvas by half its side in the direction of the pan (as Midjourney extends it),
/// and <see cref="Restore"/> puts the original's pixels back exactly into whatever the backend painted.</summary>
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

    /// <summary>The canvas a pan paints on: <paramref name="source"/> copied unchanged, with a transparent band of half
    /// its width (<c>left</c>, <c>right</c>) or height (<c>up</c>, <c>down</c>) added on that side.</summary>
    /// <exception cref="ArgumentException">An unknown direction.</exception>
    public static RgbaImage PanCanvas(RgbaImage source, string direction)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (bandX, bandY) = (source.Width / 2, source.Height / 2);
        var (width, height, x, y) = direction switch
        {
            "left" => (source.Width + bandX, source.Height, bandX, 0),
            "right" => (source.Width + bandX, source.Height, 0, 0),
            "up" => (source.Width, source.Height + bandY, 0, bandY),
            "down" => (source.Width, source.Height + bandY, 0, 0),
            _ => throw new ArgumentException($"Unknown pan direction \"{direction}\".", nameof(direction)),
        };
        var canvas = new RgbaImage(width, height);
        for (var row = 0; row < source.Height; row++)
        {
            source.Row(row).CopyTo(canvas.Row(row + y).Slice(x * 4));
        }

        return canvas;
    }

    /// <summary>What the backend painted, brought to the canvas's size, with every pixel the canvas knew (opaque)
    /// put back exactly.</summary>
    /// <param name="painted">The backend's image (any size; the canvas's aspect).</param>
    /// <param name="canvas">The canvas it painted on.</param>
    /// <returns>An image of the canvas's size.</returns>
    public static RgbaImage Restore(RgbaImage painted, RgbaImage canvas)
    {
        ArgumentNullException.ThrowIfNull(painted);
        ArgumentNullException.ThrowIfNull(canvas);
        var result = painted.Width == canvas.Width && painted.Height == canvas.Height
            ? new RgbaImage(canvas.Width, canvas.Height, (byte[])painted.Pixels.Clone())
            : Resampler.Lanczos3(painted, canvas.Width, canvas.Height);
        for (var i = 0; i < result.Pixels.Length; i += 4)
        {
            if (canvas.Pixels[i + 3] == 255)
            {
                canvas.Pixels.AsSpan(i, 4).CopyTo(result.Pixels.AsSpan(i, 4));
            }
            else
            {
                result.Pixels[i + 3] = 255;
            }
        }

        return result;
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
