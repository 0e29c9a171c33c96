namespace MjBot.Imaging.Png;

/// <summary>How <see cref="PngEncoder"/> writes a file.</summary>
public sealed class PngEncoderOptions
{
    /// <summary>Gets the defaults: zlib level 6, alpha only when the image has transparency, no text.</summary>
    public static PngEncoderOptions Default { get; } = new();

    /// <summary>Gets the zlib compression level, 0 (store) to 9 (smallest).</summary>
    /// <value>The default value is 6.</value>
    public int CompressionLevel { get; init; } = 6;

    /// <summary>Gets whether to write RGBA even when every pixel is opaque (otherwise opaque images are RGB).</summary>
    public bool ForceAlpha { get; init; }

    /// <summary>Gets text chunks to write before the image data (Latin-1 text as tEXt, anything else as iTXt).</summary>
    public IReadOnlyList<PngTextChunk> Text { get; init; } = [];
}
