namespace MjBot.Imaging.Png;

/// <summary>What is wrong with a PNG that cannot be decoded.</summary>
public enum PngErrorKind
{
    /// <summary>The 8-byte signature is not PNG's.</summary>
    BadSignature,

    /// <summary>A chunk's CRC does not match its contents.</summary>
    CrcMismatch,

    /// <summary>The file (or its image data) ends early.</summary>
    Truncated,

    /// <summary>A scanline names a filter type other than 0–4.</summary>
    BadFilterType,

    /// <summary>IHDR is missing, misplaced or holds invalid values.</summary>
    BadHeader,

    /// <summary>The image is larger than the configured limits.</summary>
    TooLarge,

    /// <summary>The image data inflates to more than IHDR allows (a decompression bomb stops here).</summary>
    DataExceedsHeader,

    /// <summary>A chunk is missing, out of order, malformed or unknown and critical.</summary>
    BadChunk,

    /// <summary>The palette is missing, malformed, or an index points past it.</summary>
    BadPalette,

    /// <summary>The zlib data is corrupt.</summary>
    BadCompression,
}
