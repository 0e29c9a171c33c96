namespace MjBot.Imaging.Png;

/// <summary>The IHDR fields that matter after validation.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BitDepth">Bits per sample (or per palette index).</param>
/// <param name="ColorType">The colour type.</param>
/// <param name="Interlaced">Whether Adam7 interlacing is used.</param>
public readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>Gets the samples per pixel.</summary>
    public int Channels => ColorType switch
    {
        PngColorType.Greyscale or PngColorType.Indexed => 1,
        PngColorType.GreyscaleAlpha => 2,
        PngColorType.Truecolor => 3,
        _ => 4,
    };

    /// <summary>Gets the bits per pixel.</summary>
    public int BitsPerPixel => Channels * BitDepth;
}
