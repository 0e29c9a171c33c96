namespace MjBot.Imaging;

/// <summary>Image formats MjBot can recognise by their first bytes.</summary>
public enum ImageFormat
{
    /// <summary>Not a recognised image.</summary>
    Unknown,

    /// <summary>PNG: what MjBot stores and posts, with its own codec.</summary>
    Png,

    /// <summary>JPEG.</summary>
    Jpeg,

    /// <summary>WebP.</summary>
    WebP,

    /// <summary>GIF.</summary>
    Gif,
}
