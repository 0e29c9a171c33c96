namespace MjBot.Core.Generation;

/// <summary>Image sizes for a ratio. The width × height buckets SDXL was trained on (the SDXL report's multi-aspect table: about 1024² pixels,
/// sides in multiples of 64 from 512 to 2048). <c>--ar</c> on an SDXL model picks the bucket nearest its ratio (in
/// log ratio); a model whose native size is not 1024 gets the buckets scaled to it (multiples of 8).</summary>
public static class AspectBuckets
{
    // Width, height; the table is symmetric, so each pair is listed once (landscape or square) and mirrored.
    private static readonly (int Width, int Height)[] Landscape =
    [
        (1024, 1024), (1024, 960), (1088, 960), (1088, 896), (1152, 896), (1152, 832), (1216, 832), (1280, 768),
        (1344, 768), (1344, 704), (1408, 704), (1472, 704), (1536, 640), (1600, 640), (1664, 576), (1728, 576),
        (1792, 576), (1856, 512), (1920, 512), (1984, 512), (2048, 512),
    ];

    public static IReadOnlyList<(int Width, int Height)> All { get; } =
        [.. Landscape, .. Landscape.Where(static b => b.Width != b.Height).Select(static b => (b.Height, b.Width))];

    /// <summary>Gets the bucket nearest a ratio, scaled to a model whose native side is <paramref name="native"/>.</summary>
    public static (int Width, int Height) Nearest(int ratioWidth, int ratioHeight, int native)
    {
        var wanted = Math.Log(ratioWidth / (double)ratioHeight);
        var best = All.MinBy(b => Math.Abs(Math.Log(b.Width / (double)b.Height) - wanted));
        if (native == 1024)
        {
            return best;
        }

        static int Round8(double v) => Math.Max(8, (int)Math.Round(v / 8) * 8);
        return (Round8(best.Width * native / 1024.0), Round8(best.Height * native / 1024.0));
    }

    /// <summary>Width × height for a ratio, in multiples of 64, at about <paramref name="native"/>² pixels (the SD 1.x
    /// and 2.x rule; SDXL-like models use <see cref="Nearest"/>).</summary>
    public static (int Width, int Height) AtPixels(int ratioWidth, int ratioHeight, int native)
    {
        var ratio = ratioWidth / (double)ratioHeight;
        var pixels = (double)native * native;
        static int Round64(double v) => Math.Max(64, (int)Math.Round(v / 64) * 64);
        return (Round64(Math.Sqrt(pixels * ratio)), Round64(Math.Sqrt(pixels / ratio)));
    }
}
