using System.Runtime.Intrinsics;

namespace MjBot.Imaging;

/// <summary>Resizing: separable Lanczos-3 for quality, bilinear for quick previews. Both work on premultiplied
/// alpha, so transparent pixels do not bleed their colour into their neighbours; each pixel's four channels are one
/// Vector128 of floats.</summary>
public static class Resampler
{
    private const double LanczosRadius = 3;

    /// <summary>Resizes with a separable Lanczos-3 filter (widened when shrinking, so downscales do not alias).</summary>
    /// <param name="source">The image.</param>
    /// <param name="width">New width.</param>
    /// <param name="height">New height.</param>
    /// <returns>The resized image.</returns>
    public static RgbaImage Lanczos3(RgbaImage source, int width, int height) =>
        Resize(source, width, height, LanczosRadius, static x => x == 0 ? 1 : Math.Abs(x) >= LanczosRadius ? 0 : Sinc(x) * Sinc(x / LanczosRadius));

    /// <summary>Resizes with a bilinear (triangle) filter, widened when shrinking.</summary>
    /// <param name="source">The image.</param>
    /// <param name="width">New width.</param>
    /// <param name="height">New height.</param>
    /// <returns>The resized image.</returns>
    public static RgbaImage Bilinear(RgbaImage source, int width, int height) =>
        Resize(source, width, height, 1, static x => Math.Max(0, 1 - Math.Abs(x)));

    private static double Sinc(double x) => Math.Sin(Math.PI * x) / (Math.PI * x);

    private static RgbaImage Resize(RgbaImage source, int width, int height, double radius, Func<double, double> kernel)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (width == source.Width && height == source.Height)
        {
            return new RgbaImage(width, height, (byte[])source.Pixels.Clone());
        }

        var premultiplied = ToPremultiplied(source);
        var horizontal = Weights.For(source.Width, width, radius, kernel);
        var vertical = Weights.For(source.Height, height, radius, kernel);

        // Pass 1: rows of the source, resized horizontally.
        var temp = new Vector128<float>[width * source.Height];
        for (var y = 0; y < source.Height; y++)
        {
            var row = premultiplied.AsSpan(y * source.Width, source.Width);
            for (var x = 0; x < width; x++)
            {
                temp[(y * width) + x] = horizontal.Apply(x, row, 1);
            }
        }

        // Pass 2: columns, resized vertically, back to straight alpha.
        var result = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var target = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                var pixel = vertical.Apply(y, temp.AsSpan(x), width);
                WriteStraight(pixel, target.Slice(x * 4, 4));
            }
        }

        return result;
    }

    private static Vector128<float>[] ToPremultiplied(RgbaImage image)
    {
        var pixels = new Vector128<float>[image.Width * image.Height];
        var bytes = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var alpha = bytes[(i * 4) + 3] / 255f;
            pixels[i] = Vector128.Create(bytes[i * 4] * alpha, bytes[(i * 4) + 1] * alpha, bytes[(i * 4) + 2] * alpha, bytes[(i * 4) + 3]);
        }

        return pixels;
    }

    private static void WriteStraight(Vector128<float> pixel, Span<byte> target)
    {
        var alpha = Math.Clamp(pixel.GetElement(3), 0, 255);
        var scale = alpha > 0 ? 255f / alpha : 0;
        target[0] = ToByte(pixel.GetElement(0) * scale);
        target[1] = ToByte(pixel.GetElement(1) * scale);
        target[2] = ToByte(pixel.GetElement(2) * scale);
        target[3] = ToByte(alpha);
    }

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value), 0, 255);

    // For each output position: the first contributing source index and the normalised weights.
    private sealed class Weights
    {
        private readonly int[] _start;
        private readonly float[][] _weights;

        private Weights(int[] start, float[][] weights)
        {
            _start = start;
            _weights = weights;
        }

        public static Weights For(int sourceSize, int targetSize, double radius, Func<double, double> kernel)
        {
            var scale = (double)targetSize / sourceSize;
            var support = scale < 1 ? radius / scale : radius;
            var stretch = scale < 1 ? scale : 1;
            var starts = new int[targetSize];
            var weights = new float[targetSize][];
            for (var i = 0; i < targetSize; i++)
            {
                var center = ((i + 0.5) / scale) - 0.5;
                var first = Math.Max(0, (int)Math.Floor(center - support) + 1);
                var last = Math.Min(sourceSize - 1, (int)Math.Ceiling(center + support) - 1);
                last = Math.Max(last, first);
                var w = new double[last - first + 1];
                for (var j = first; j <= last; j++)
                {
                    w[j - first] = kernel((j - center) * stretch);
                }

                var sum = w.Sum();
                starts[i] = first;
                weights[i] = sum == 0 ? [.. w.Select((_, k) => k == 0 ? 1f : 0f)] : [.. w.Select(v => (float)(v / sum))];
            }

            return new Weights(starts, weights);
        }

        public Vector128<float> Apply(int index, ReadOnlySpan<Vector128<float>> line, int step)
        {
            var accumulator = Vector128<float>.Zero;
            var weights = _weights[index];
            var offset = _start[index] * step;
            for (var k = 0; k < weights.Length; k++)
            {
                accumulator += line[offset + (k * step)] * weights[k];
            }

            return accumulator;
        }
    }
}
