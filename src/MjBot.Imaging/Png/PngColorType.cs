namespace MjBot.Imaging.Png;

/// <summary>PNG colour types (IHDR byte 9).</summary>
public enum PngColorType : byte
{
    /// <summary>Greyscale.</summary>
    Greyscale = 0,

    /// <summary>RGB.</summary>
    Truecolor = 2,

    /// <summary>Palette indices.</summary>
    Indexed = 3,

    /// <summary>Greyscale with alpha.</summary>
    GreyscaleAlpha = 4,

    /// <summary>RGB with alpha.</summary>
    TruecolorAlpha = 6,
}
