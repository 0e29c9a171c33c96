using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>Runs a super-resolution model over an image in overlapping square tiles, so any size fits in a small GPU or
/// the CPU: each tile's result is weighted by a ramp across the pixels it shares with a neighbour (from almost nothing
/// at its edge, where the model saw least of the picture, to full weight), and the weighted results are averaged, so
/// no step shows at a tile border. Alpha, which these models do not read, is resized with Lanczos-3.</summary>
internal static class TiledUpscale
{
    /// <summary>Gets <paramref name="source"/> at <paramref name="scale"/> times its size.</summary>
    /// <param name="source">The image.</param>
    /// <param name="scale">The model's factor.</param>
    /// <param name="tile">The tile side in source pixels.</param>
    /// <param name="overlap">The source pixels neighbouring tiles share.</param>
    /// <param name="run">Runs the model on a tile: planar RGB in 0..1 ([3, height, width]) and its width and height, to
    /// planar RGB at <paramref name="scale"/> times the size.</param>
    /// <param name="cancellationToken">Stops between tiles.</param>
    /// <exception cref="InvalidDataException">The model answered a tile with the wrong number of values.</exception>
    public static RgbaImage Run(RgbaImage source, int scale, int tile, int overlap, Func<float[], int, int, float[]> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(run);
        var (width, height) = (source.Width * scale, source.Height * scale);
        var plane = width * height;
        var sum = new float[3 * plane];
        var weight = new float[plane];
        var ramp = Math.Max(1, overlap * scale);
        foreach (var y0 in Starts(source.Height, tile, overlap))
        {
            foreach (var x0 in Starts(source.Width, tile, overlap))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (tw, th) = (Math.Min(tile, source.Width - x0), Math.Min(tile, source.Height - y0));
                var output = run(Planar(source, x0, y0, tw, th), tw, th);
                var (ow, oh) = (tw * scale, th * scale);
                if (output.Length != 3 * ow * oh)
                {
                    throw new InvalidDataException($"the upscaler answered a {tw}×{th} tile with {output.Length} values, not {3 * ow * oh}");
                }

                var (left, top, right, bottom) = (x0 > 0, y0 > 0, x0 + tw < source.Width, y0 + th < source.Height);
                for (var oy = 0; oy < oh; oy++)
                {
                    var wy = Ramp(oy, oh, ramp, top, bottom);
                    var row = ((y0 * scale) + oy) * width;
                    for (var ox = 0; ox < ow; ox++)
                    {
                        var w = wy * Ramp(ox, ow, ramp, left, right);
                        var at = row + (x0 * scale) + ox;
                        weight[at] += w;
                        var from = (oy * ow) + ox;
                        sum[at] += w * output[from];
                        sum[plane + at] += w * output[(ow * oh) + from];
                        sum[(2 * plane) + at] += w * output[(2 * ow * oh) + from];
                    }
                }
            }
        }

        return Assemble(source, width, height, sum, weight);
    }

    /// <summary>Gets where the tiles along one side start: a step of tile − overlap, the last one flush with the end.</summary>
    internal static IEnumerable<int> Starts(int size, int tile, int overlap)
    {
        if (size <= tile)
        {
            yield return 0;
            yield break;
        }

        for (var start = 0; ; start += tile - overlap)
        {
            if (start + tile >= size)
            {
                yield return size - tile;
                yield break;
            }

            yield return start;
        }
    }

    private static float Ramp(int i, int length, int ramp, bool before, bool after)
    {
        var w = 1f;
        if (before)
        {
            w = Math.Min(w, (i + 0.5f) / ramp);
        }

        if (after)
        {
            w = Math.Min(w, (length - i - 0.5f) / ramp);
        }

        return w;
    }

    private static float[] Planar(RgbaImage source, int x0, int y0, int width, int height)
    {
        var plane = width * height;
        var values = new float[3 * plane];
        for (var y = 0; y < height; y++)
        {
            var row = source.Row(y0 + y);
            for (var x = 0; x < width; x++)
            {
                var p = (x0 + x) * 4;
                var at = (y * width) + x;
                values[at] = row[p] / 255f;
                values[plane + at] = row[p + 1] / 255f;
                values[(2 * plane) + at] = row[p + 2] / 255f;
            }
        }

        return values;
    }

    private static RgbaImage Assemble(RgbaImage source, int width, int height, float[] sum, float[] weight)
    {
        var plane = width * height;
        var alpha = source.IsOpaque ? null : Resampler.Lanczos3(source, width, height);
        var pixels = new byte[plane * 4];
        for (var i = 0; i < plane; i++)
        {
            var w = weight[i];
            pixels[i * 4] = Byte(sum[i] / w);
            pixels[(i * 4) + 1] = Byte(sum[plane + i] / w);
            pixels[(i * 4) + 2] = Byte(sum[(2 * plane) + i] / w);
            pixels[(i * 4) + 3] = alpha is null ? (byte)255 : alpha.Pixels[(i * 4) + 3];
        }

        return new RgbaImage(width, height, pixels);
    }

    private static byte Byte(float value) => (byte)Math.Clamp((int)MathF.Round(value * 255f), 0, 255);
}
