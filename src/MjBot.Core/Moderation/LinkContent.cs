namespace MjBot.Core.Moderation;

/// <summary>What a fetched link must hold.</summary>
public enum LinkContent
{
    /// <summary>An image MjBot reads (PNG, JPEG, WebP, GIF): its content type and signature; the image reader decodes
    /// it.</summary>
    Image,

    /// <summary>UTF-8 text: text/plain or application/json (an imported disallow list).</summary>
    Text,
}
