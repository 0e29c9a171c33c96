using MjBot.Imaging;

namespace MjBot.Benchmarks;

/// <summary>Deterministic photo-like test images: smooth gradients, sensor-like noise and hard-edged shapes (not flat
/// colours, which would flatter every PNG encoder).</summary>
internal static class PhotoLikeImages
{
    public static RgbaImage Create(int size, int seed)
    {
        var random = new Random(seed);
        var image = new RgbaImage(size, size);
        var (fx, fy, phase) = (random.NextDouble() * 6, random.NextDouble() * 6, random.NextDouble() * Math.PI);
        var circles = Enumerable.Range(0, 12).Select(_ => (X: random.Next(size), Y: random.Next(size), R: random.Next(size / 20, size / 5), C: random.Next(256))).ToArray();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double u = (double)x / size, v = (double)y / size;
                var r = 128 + (100 * Math.Sin((fx * u) + phase));
                var g = 128 + (100 * Math.Cos(fy * v));
                var b = 128 + (80 * Math.Sin((fx + fy) * (u + v)));
                foreach (var c in circles)
                {
                    if (((x - c.X) * (x - c.X)) + ((y - c.Y) * (y - c.Y)) < c.R * c.R)
                    {
                        (r, g, b) = ((r + c.C) / 2, (g + 255 - c.C) / 2, (b + (c.C / 2)) / 2);
                    }
                }

                var noise = random.Next(-6, 7);
                var o = ((y * size) + x) * 4;
                image.Pixels[o] = (byte)Math.Clamp(r + noise, 0, 255);
                image.Pixels[o + 1] = (byte)Math.Clamp(g + noise, 0, 255);
                image.Pixels[o + 2] = (byte)Math.Clamp(b + noise, 0, 255);
                image.Pixels[o + 3] = 255;
            }
        }

        return image;
    }
}
