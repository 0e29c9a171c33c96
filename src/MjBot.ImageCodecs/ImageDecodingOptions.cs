namespace MjBot.ImageCodecs;

/// <summary>How large a member's image may be: bound from the <c>Moderation</c> section beside the link limits
/// (<c>Moderation:MaxImageMegapixels</c>).</summary>
public sealed class ImageDecodingOptions
{
    /// <summary>The largest side an image MjBot hands on keeps; larger images are scaled down while they are decoded
    /// (no backend uses more: references and image prompts are worked at 2048 or less).</summary>
    public const int MaxSide = 2048;

    /// <summary>The largest side a file's header may state.</summary>
    public const int MaxSourceSide = 16384;

    /// <summary>Gets or sets the most pixels a file's header may state, in millions: checked before a pixel is decoded,
    /// so a small file that claims a huge image (a decompression bomb) is refused at once.</summary>
    /// <value>The default value is 50 (a 8660×5773 photo; phones take 12 to 48).</value>
    public double MaxImageMegapixels { get; set; } = 50;

    /// <summary>Gets the same limit in pixels.</summary>
    public long MaxPixels => (long)(MaxImageMegapixels * 1_000_000);
}
