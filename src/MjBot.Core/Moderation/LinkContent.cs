namespace MjBot.Core.Moderation;

/// <summary>What a fetched link must hold.</summary>
public enum LinkContent
{
    /// <summary>A PNG image: content type image/png and the PNG signature.</summary>
    PngImage,

    /// <summary>UTF-8 text: text/plain or application/json (an imported disallow list).</summary>
    Text,
}
