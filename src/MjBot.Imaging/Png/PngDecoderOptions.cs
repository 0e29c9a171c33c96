namespace MjBot.Imaging.Png;

/// <summary>Limits checked before any pixel memory is allocated.</summary>
public sealed class PngDecoderOptions
{
    /// <summary>Gets the defaults: 16384 per side, 64 megapixels.</summary>
    public static PngDecoderOptions Default { get; } = new();

    /// <summary>Gets the largest width or height accepted.</summary>
    /// <value>The default value is 16384.</value>
    public int MaxSide { get; init; } = 16384;

    /// <summary>Gets the largest width × height accepted.</summary>
    /// <value>The default value is 64 megapixels.</value>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>Gets the largest decompressed text chunk kept.</summary>
    /// <value>The default value is 1 MiB.</value>
    public int MaxTextBytes { get; init; } = 1024 * 1024;
}
