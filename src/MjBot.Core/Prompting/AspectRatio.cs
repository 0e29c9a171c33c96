namespace MjBot.Core.Prompting;

/// <summary>An aspect ratio as typed by the member: positive whole numbers, not reduced.</summary>
/// <param name="Width">The width part (left of the colon).</param>
/// <param name="Height">The height part (right of the colon).</param>
public readonly record struct AspectRatio(int Width, int Height)
{
    /// <summary>Gets the ratio as <c>W:H</c>, exactly as typed (21:9 stays 21:9, 1920:1080 stays 1920:1080).</summary>
    public override string ToString() => $"{Width}:{Height}";
}
