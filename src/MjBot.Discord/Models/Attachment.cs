namespace MjBot.Discord.Models;

/// <summary>A message attachment (received), or an attachment descriptor in a multipart upload (sent: id and file
/// name only, the id matching the <c>files[n]</c> part).</summary>
/// <param name="Id">The attachment id (the upload index when sending).</param>
/// <param name="Filename">The file name.</param>
public sealed record Attachment(Snowflake Id, string Filename)
{
    /// <summary>Gets the size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Gets the CDN address.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the media type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the alt text.</summary>
    public string? Description { get; init; }
}
