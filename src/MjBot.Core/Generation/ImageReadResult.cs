using MjBot.Core.Localization;

namespace MjBot.Core.Generation;

/// <summary>A member's image brought to PNG, or the reason it cannot be used.</summary>
public abstract record ImageReadResult
{
    private ImageReadResult()
    {
    }

    /// <summary>The image as PNG (oriented, in sRGB, at most the reader's largest side), what it was, and its full size
    /// as it is seen (after the EXIF orientation).</summary>
    public sealed record Read(byte[] Png, string Format, int SourceWidth, int SourceHeight) : ImageReadResult;

    /// <summary>Refused, with a reason the member can act on.</summary>
    public sealed record Refused(CatalogueText Reason) : ImageReadResult;
}
