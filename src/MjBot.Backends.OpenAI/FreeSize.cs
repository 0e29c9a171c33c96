namespace MjBot.Backends.OpenAI;

/// <summary>gpt-image-2's sizes (OpenAI's OpenAPI document and image guide): any <c>WIDTHxHEIGHT</c> with both sides
/// multiples of 16, the ratio between 1:3 and 3:1, no side over 3840, and 655,360 to 8,294,400 pixels; above
/// 2560×1440 (3,686,400 pixels) is experimental, so MjBot stays at or below it.</summary>
internal static class FreeSize
{
    public const int MaxEdge = 3840;
    public const int MinPixels = 655_360;
    public const int MaxPixels = 8_294_400;
    public const int ExperimentalAbove = 3_686_400;

    /// <summary>Pixels of a standard image (1024²).</summary>
    public const int StandardPixels = 1024 * 1024;

    /// <summary>Pixels of a --q 2 / --hd image (2560×1440, the most before OpenAI calls sizes experimental).</summary>
    public const int LargePixels = 2560 * 1440;

    /// <summary>Gets the ratio gpt-image-2 is asked for: the member's, or 3:1 / 1:3 when it is wider or taller.</summary>
    public static double Clamped(int ratioWidth, int ratioHeight) => Math.Clamp((double)ratioWidth / ratioHeight, 1 / 3.0, 3);

    /// <summary>Gets whether the member's ratio is outside 1:3 … 3:1 (asked at the nearest end, then cropped).</summary>
    public static bool OutOfRange(int ratioWidth, int ratioHeight) => Clamped(ratioWidth, ratioHeight) != (double)ratioWidth / ratioHeight;

    /// <summary>The size nearest <paramref name="pixels"/> whose ratio is nearest the member's (exact when some
    /// multiple of 16 makes it: 7:4 is 1344×768), within every limit above.</summary>
    public static (int Width, int Height) For(int ratioWidth, int ratioHeight, int pixels)
    {
        var ratio = Clamped(ratioWidth, ratioHeight);
        (int Width, int Height) best = (1024, 1024);
        var bestScore = (double.MaxValue, double.MaxValue);
        for (var width = 16; width <= MaxEdge; width += 16)
        {
            var height = (int)Math.Round(width / ratio / 16) * 16;
            var area = (long)width * height;
            if (height < 16 || height > MaxEdge || area < MinPixels || area > Math.Min(MaxPixels, ExperimentalAbove) || Math.Max(width, height) > 3 * Math.Min(width, height))
            {
                continue;
            }

            // Within a quarter of the wanted pixels, the truest ratio wins; then the nearest pixel count.
            var areaError = Math.Abs(Math.Log(area / (double)pixels));
            var score = (areaError > Math.Log(1.25) ? 1 + areaError : Math.Round(Math.Abs(Math.Log((double)width / height / ratio)), 6), areaError);
            if (score.CompareTo(bestScore) < 0)
            {
                (best, bestScore) = ((width, height), score);
            }
        }

        return best;
    }
}
