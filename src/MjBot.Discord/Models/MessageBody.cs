namespace MjBot.Discord.Models;

/// <summary>The fields every message body shares: a callback's message, an edit of @original, a follow-up, a channel
/// message.</summary>
public record MessageBody
{
    /// <summary>The ephemeral message flag.</summary>
    public const int Ephemeral = 64;

    /// <summary>Gets the text (≤ 2000 characters).</summary>
    public string? Content { get; init; }

    /// <summary>Gets message flags (64 = only the invoking user sees it).</summary>
    public int? Flags { get; init; }

    /// <summary>Gets which mentions may ping.</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Gets the component rows (≤ 5) or a modal's components.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Gets attachment descriptors matching multipart <c>files[n]</c> parts.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
