namespace MjBot.Core.Prompting;

/// <summary>An aspect ratio as typed by the member: positive whole numbers, not reduced.</summary>
/// <param name="Width">The width part (left of the colon).</param>
/// <param name="Height">The height part (right of the colon).</param>
public readonly record struct AspectRatio(int Width, int Height)
{
    /// <summary>Gets the ratio as <c>W:H</c>, exactly as typed (21:9 stays 21:9, 1920:1080 stays 1920:1080).</summary>
    public override string ToString() => $"{Width}:{Height}";

    /// <summary>Gets the ratio of small whole numbers (at most 16 each, the smallest of equals) nearest an image's
    /// <paramref name="width"/> × <paramref name="height"/> on a log scale: 4032×3024 is 4:3, 1179×2556 is 6:13.</summary>
    public static AspectRatio Nearest(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var wanted = Math.Log((double)width / height);
        var best = new AspectRatio(1, 1);
        var distance = double.MaxValue;
        for (var h = 1; h <= 16; h++)
        {
            for (var w = 1; w <= 16; w++)
            {
                var d = Math.Abs(Math.Log((double)w / h) - wanted);
                if (d < distance - 1e-12)
                {
                    (best, distance) = (new AspectRatio(w, h), d);
                }
            }
        }

        return best;
    }
}
